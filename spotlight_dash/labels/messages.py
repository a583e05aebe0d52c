"""Import and store messages in the reader's language.

The readers and rules word their problems in English (the command line, the logs and the exact
messages the tests pin). For a page in Russian, ``translate`` matches a message against the
English patterns below and fills the Russian one with the same parts: codes, cells, values and
file names stay as they are. A message no pattern knows is shown as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache

# What a {what} or a {kind} part can be: words inside a message that are themselves translated.
WORDS = {
    "country": "страна", "organisation": "организация", "finance kind": "вид финансов", "pillar": "компонент",
    "indicator value kind": "вид значения показателя", "delivery rate kind": "вид уровня освоения",
    "reach type": "тип охвата", "reach kind": "вид охвата", "sex": "пол", "age group": "возрастная группа",
    "media measure": "мера СМИ", "grant kind": "вид гранта", "result level": "уровень результата",
    "direction": "направление", "date kind": "вид даты", "event type": "тип мероприятия",
    "below": "ниже", "above": "выше", "higher": "больше", "lower": "меньше",
    "build": "сборкой", "rollback": "откатом", "import": "загрузкой", "iati": "загрузкой IATI",
    "note": "записью заседания", "note kind": "вид заметки", "action status": "статус поручения",
    "owner": "ответственный", "owner_person": "ответственный (лицо)", "due": "срок",
}

# (English pattern, Russian) — {name} stands for the same part in both.
PATTERNS: list[tuple[str, str]] = [
    # the file as a whole
    ("the file is {size} MB, above the limit of {limit} MB", "файл занимает {size} МБ, больше предела в {limit} МБ"),
    ("the file is larger than the limit of {limit} MB", "файл больше предела в {limit} МБ"),
    ("the file is password-protected (encrypted) or an old Excel 97-2003 .xls file",
     "файл защищён паролем (зашифрован) или это старый файл Excel 97-2003 .xls"),
    ("the file is not an Excel workbook (.xlsx)", "файл не является книгой Excel (.xlsx)"),
    ("the workbook holds two parts named {first} and {second}; programs disagree on which one holds the cells",
     "в книге две части с именами {first} и {second}; программы по-разному решают, в какой из них ячейки"),
    ("the workbook is damaged ({detail})", "книга повреждена ({detail})"),
    ("the workbook cannot be read ({detail})", "книгу нельзя прочитать ({detail})"),
    ("the workbook's structure is damaged ({detail})", "структура книги повреждена ({detail})"),
    ("the workbook contains macros (.xlsm); macros are never loaded",
     "книга содержит макросы (.xlsm); макросы никогда не загружаются"),
    ("the workbook links to other files (external links), whose values could change unseen",
     "книга ссылается на другие файлы (внешние ссылки), значения которых могут незаметно измениться"),
    ("the file is a zip but not an Excel workbook (no xl/workbook.xml)",
     "файл — zip-архив, но не книга Excel (нет xl/workbook.xml)"),
    ("the file expands to more than {limit} when unzipped, too much for a data workbook (a zip bomb?)",
     "после распаковки файл больше {limit} — слишком много для книги данных (zip-бомба?)"),
    ("the sheet has {rows} rows, above the limit of {limit}", "на листе {rows} строк, больше предела в {limit}"),
    ("the header row (row 1) is empty", "строка заголовков (строка 1) пуста"),
    ("the sheet reaches row {row}, above the limit of {limit} rows", "лист доходит до строки {row}, больше предела в {limit} строк"),
    ("a value at {cell}, far to the right of any table's columns", "значение в {cell}, далеко правее столбцов любой таблицы"),
    ("the sheet {name} is listed, but its cells are not in the file", "лист {name} указан в книге, но его ячеек в файле нет"),
    ("the sheet {name} cannot be read ({detail})", "лист {name} нельзя прочитать ({detail})"),
    ("this is not a Spotlight workbook: none of its sheets ({sheets}) is one of the template's ({template})",
     "это не книга Spotlight: ни один из её листов ({sheets}) не является листом шаблона ({template})"),
    ("the workbook holds no rows: {sheets} have nothing under the header row",
     "в книге нет строк: на листах {sheets} под строкой заголовков ничего нет"),
    ("a value under a column with no name in row 1 ({cell} is empty), so it would be lost",
     "значение в столбце без названия в строке 1 ({cell} пуста); оно было бы потеряно"),
    # sheets and columns
    ("unknown sheet {name}; did you mean {suggestion}?", "неизвестный лист {name}; возможно, имелся в виду {suggestion}?"),
    ("unknown sheet {name}", "неизвестный лист {name}"),
    ("unknown table {name}", "неизвестная таблица {name}"),
    ("unknown column {column} in {sheet}; did you mean {suggestion}?",
     "неизвестный столбец {column} на листе {sheet}; возможно, имелся в виду {suggestion}?"),
    ("unknown column {column} in {sheet}", "неизвестный столбец {column} на листе {sheet}"),
    ("column {column} appears twice", "столбец {column} встречается дважды"),
    ("missing required column {column}", "нет обязательного столбца {column}"),
    ("merged cells {cells} in the data area; only the first cell of a merge keeps its value",
     "объединённые ячейки {cells} в области данных; значение сохраняет только первая ячейка"),
    # cells
    ("{column}: the formula ={formula} has no saved value", "{column}: у формулы ={formula} нет сохранённого значения"),
    ("{column}: {value} is not a finite number", "{column}: {value} — не конечное число"),
    ("{column}: {value} is not a date", "{column}: {value} — не дата"),
    ("{column}: {value} is not a number as Excel reads one", "{column}: {value} — не число в записи Excel"),
    ("{column}: {value} is not a number", "{column}: {value} — не число"),
    ("{column}: {value} is too large to be a count", "{column}: {value} — слишком большое значение для количества"),
    ("{column}: the text is {length} characters long, more than a cell can hold ({limit}); Excel and the export "
     "would cut it", "{column}: текст длиной {length} символов — больше, чем вмещает ячейка ({limit}); Excel и "
     "выгрузка обрезали бы его"),
    ("{column}: the cell holds the Excel error {error}, not a value", "{column}: в ячейке ошибка Excel {error}, а не значение"),
    ("{column}: required value is empty", "{column}: обязательное значение пусто"),
    ("{column}: Extra inputs are not permitted", "{column}: лишние значения не допускаются"),
    ("{column}: Input should be a valid number, unable to parse string as a number",
     "{column}: нужно число, текст не читается как число"),
    ("{column}: Input should be a valid number", "{column}: нужно число"),
    ("{column}: Input should be a valid integer, unable to parse string as an integer",
     "{column}: нужно целое число, текст не читается как целое число"),
    ("{column}: Input should be a valid integer", "{column}: нужно целое число"),
    ("{column}: Input should be a valid boolean, unable to interpret input",
     "{column}: нужно логическое значение (TRUE/FALSE), значение не распознано"),
    ("{column}: Input should be a valid boolean", "{column}: нужно логическое значение (TRUE/FALSE)"),
    ("{column}: Input should be a valid date", "{column}: нужна дата"),
    ("{column}: Input should be a valid string", "{column}: нужен текст"),
    ("{column}: Input should be greater than or equal to {limit}", "{column}: значение должно быть не меньше {limit}"),
    ("{column}: Input should be less than or equal to {limit}", "{column}: значение должно быть не больше {limit}"),
    ("{column}: Input should be greater than {limit}", "{column}: значение должно быть больше {limit}"),
    ("{column}: String should match pattern {pattern}", "{column}: текст должен соответствовать шаблону {pattern}"),
    ("{column}: String should have at most {count} characters", "{column}: текст должен быть не длиннее {count} символов"),
    ("fill in {column}; it is required", "заполните {column}: это обязательно"),
    # codes and references
    ("unknown {what} {value}; did you mean {suggestion}? (allowed: {allowed})",
     "неизвестный код ({what}): {value}; возможно, имелось в виду {suggestion}? (допустимо: {allowed})"),
    ("unknown {what} {value} (allowed: {allowed})", "неизвестный код ({what}): {value} (допустимо: {allowed})"),
    ("{column} {value} is not in {table}; did you mean {suggestion}?",
     "{column} {value} нет в таблице {table}; возможно, имелось в виду {suggestion}?"),
    ("{column} {value} is not in {table}", "{column} {value} нет в таблице {table}"),
    ("duplicate key in {table}: {key} also at {place}", "повторяющийся ключ в таблице {table}: {key}, также в {place}"),
    ("start_date {start} is after end_date {end}", "start_date {start} позже end_date {end}"),
    ("removal was asked for {table}, but the workbook has no rows on its sheet",
     "запрошено удаление для {table}, но на листе книги нет строк"),
    ("--remove-missing names no table: {table}", "--remove-missing называет несуществующую таблицу: {table}"),
    # warnings
    ("expenditure {amount} {currency} is above the budget of {budget} {budget_currency} for {organisation}",
     "расходы {amount} {currency} превышают бюджет {budget} {budget_currency} для {organisation}"),
    ("the target {target} is {side} the baseline {baseline}, but {direction} is better for indicator {indicator}",
     "цель {target} {side} исходного значения {baseline}, хотя для показателя {indicator} лучше {direction}"),
    ("the value {value} is far outside this indicator's history (largest so far {largest}); more than {factor} "
     "times it", "значение {value} далеко за пределами истории показателя (наибольшее до сих пор {largest}); "
     "больше чем в {factor} раз"),
    ("the rows by country add up to {parts}, more than this total of {total}",
     "строки по странам в сумме дают {parts}, больше итога {total}"),
    # IATI
    ("the budget for {period} is {budget}, less than 1 % of the {spent} of expenditure dated within it; both are "
     "kept as published, so that period's delivery rate reads {rate} %", "бюджет на {period} составляет {budget}, "
     "меньше 1 % от {spent} расходов с датами внутри этого периода; оба значения сохранены как опубликованы, "
     "поэтому уровень освоения за этот период равен {rate} %"),
    ("does not follow the IATI 2.03 schema: {detail}", "не соответствует схеме IATI 2.03: {detail}"),
    ("the file declares a DOCTYPE or entities, which IATI files never need; refused unread (entities can expand "
     "without limit or reach other files)", "файл объявляет DOCTYPE или сущности, которые файлам IATI не нужны; "
     "отклонён без чтения (сущности могут разрастаться без предела или обращаться к другим файлам)"),
    ("the file is not well-formed XML ({detail})", "файл — не корректный XML ({detail})"),
    ("this file is IATI version {version}; only IATI 2.0x files are read",
     "это файл IATI версии {version}; читаются только файлы IATI 2.0x"),
    ("the version attribute is {version}, not 2.0x; the file is read as IATI 2.03",
     "атрибут version равен {version}, а не 2.0x; файл читается как IATI 2.03"),
    ("this is not an IATI activity file: its root element is {root}, not <iati-activities>",
     "это не файл мероприятий IATI: его корневой элемент {root}, а не <iati-activities>"),
    ("this is an IATI organisation file (iati-organisations), not an activity file; it holds {detail}",
     "это файл организации IATI (iati-organisations), а не файл мероприятий; он содержит {detail}"),
    ("the file holds no <iati-activity>", "в файле нет <iati-activity>"),
    ("the activity has no iati-identifier", "у мероприятия нет iati-identifier"),
    ("--programme {programme} was asked for, but no activity in the file is funded by the MPTFO-Spotlight "
     "Initiative Fund; nothing would be linked", "запрошено --programme {programme}, но ни одно мероприятие в "
     "файле не финансируется фондом MPTFO-Spotlight Initiative Fund; связывать нечего"),
    # the store
    ("the store changed while this file was being checked; check it again",
     "хранилище изменилось, пока файл проверялся; проверьте его ещё раз"),
    ("the new snapshot could not be written: {reason}. Nothing was changed: {kept}. Free some space (old snapshots "
     "can go: they are kept for undo) and load the file again", "новый снимок не удалось записать: {reason}. Ничего "
     "не изменено: {kept}. Освободите место (старые снимки можно удалить: они хранятся для отмены) и загрузите файл "
     "снова"),
    ("the disk holding {folder} is full", "диск, на котором находится {folder}, заполнен"),
    ("the store folder {folder} cannot be written ({detail})", "в папку хранилища {folder} нельзя записать ({detail})"),
    ("snapshot v{version} is still current", "текущим остаётся снимок v{version}"),
    ("the store is empty; there is no import to undo", "хранилище пусто; отменять нечего"),
    ("the current snapshot v{version} was made by a {kind}, not an import; use `rollback VERSION` to choose a "
     "snapshot", "текущий снимок v{version} создан {kind}, а не загрузкой; выберите снимок командой "
     "`rollback VERSION`"),
    ("there is no earlier snapshot to roll back to", "более раннего снимка для отката нет"),
    ("snapshot v{version} does not exist or cannot be read", "снимка v{version} нет или его нельзя прочитать"),
    # what to do
    ("remove the password (File > Info > Protect Workbook) and save as Excel Workbook (.xlsx)",
     "снимите пароль (Файл > Сведения > Защита книги) и сохраните как книгу Excel (.xlsx)"),
    ("save it from Excel as Excel Workbook (.xlsx), or start from the template",
     "сохраните файл в Excel как книгу Excel (.xlsx) или начните с шаблона"),
    ("save it from Excel as Excel Workbook (.xlsx)", "сохраните файл в Excel как книгу Excel (.xlsx)"),
    ("save it as Excel Workbook (.xlsx), which leaves the macros out", "сохраните как книгу Excel (.xlsx), без макросов"),
    ("open it in Excel and save it again, or start from the template",
     "откройте файл в Excel и сохраните заново или начните с шаблона"),
    ("open it in Excel and save it again", "откройте файл в Excel и сохраните заново"),
    ("break the links (Data > Edit Links > Break Link), save, and load it again",
     "разорвите связи (Данные > Изменить связи > Разорвать связь), сохраните и загрузите снова"),
    ("split the rows into several workbooks and load them one after the other",
     "разделите строки на несколько книг и загрузите их по очереди"),
    ("remove what is not data (images, other sheets) or split the workbook",
     "удалите всё, что не является данными (изображения, другие листы), или разделите книгу"),
    ("add the column to row 1 (copy the header from the template)",
     "добавьте столбец в строку 1 (скопируйте заголовок из шаблона)"),
    ("add the column to the header row", "добавьте столбец в строку заголовков"),
    ("put the column names in row 1: {columns}", "укажите названия столбцов в строке 1: {columns}"),
    ("rename it to one of: {columns}", "переименуйте его в одно из: {columns}"),
    ("rename it to one of the template's sheets ({sheets}) or delete it",
     "переименуйте его в один из листов шаблона ({sheets}) или удалите"),
    ("remove the column or rename it to one of the {table} columns",
     "удалите столбец или переименуйте его в один из столбцов {table}"),
    ("delete one of the two columns", "удалите один из двух столбцов"),
    ("unmerge the cells (Home > Merge & Center) and fill in every cell",
     "отмените объединение ячеек (Главная > Объединить и поместить в центре) и заполните каждую ячейку"),
    ("open the file in Excel, let it calculate, save, and load it again; or type the value",
     "откройте файл в Excel, дайте ему пересчитать, сохраните и загрузите снова; или введите значение"),
    ("enter a number, or leave the cell empty if it was not reported",
     "введите число или оставьте ячейку пустой, если значение не представлено"),
    ("enter a number without text or units; leave it empty if it was not reported",
     "введите число без текста и единиц; оставьте пустым, если значение не представлено"),
    ("enter a value within the allowed range; leave it empty if it was not reported",
     "введите значение в допустимом диапазоне; оставьте пустым, если значение не представлено"),
    ("enter a date as YYYY-MM-DD, e.g. 2021-06-30", "введите дату как ГГГГ-ММ-ДД, например 2021-06-30"),
    ("enter a date as YYYY-MM-DD", "введите дату как ГГГГ-ММ-ДД"),
    ("enter the number, or leave the cell empty if it was not reported",
     "введите число или оставьте ячейку пустой, если значение не представлено"),
    ("enter digits only, with a point for decimals (1234.5); no underscores or words",
     "введите только цифры, с точкой для дробной части (1234.5); без подчёркиваний и слов"),
    ("check the figure: a count is at most {limit}", "проверьте число: количество не больше {limit}"),
    ("shorten the text, or put the long document in a file and its name here",
     "сократите текст или поместите длинный документ в файл, а сюда впишите его имя"),
    ("correct the formula or type the figure; leave the cell empty only if it was not reported",
     "исправьте формулу или введите число; оставляйте ячейку пустой, только если значение не представлено"),
    ("name the column in {cell} (one of: {columns}) or delete its values",
     "назовите столбец в {cell} (одно из: {columns}) или удалите его значения"),
    ("start from the template (Data page > Empty template) or rename the sheets",
     "начните с шаблона (страница «Данные» > Пустой шаблон) или переименуйте листы"),
    ("fill in the rows under the headers, or download everything in the store from the Data page, change it and "
     "load that file", "заполните строки под заголовками или скачайте всё содержимое хранилища на странице «Данные», "
     "измените его и загрузите этот файл"),
    ("if that row holds a stray value, delete it (Ctrl+End in Excel goes to the last cell); otherwise split the "
     "rows into several workbooks", "если в этой строке случайное значение, удалите его (Ctrl+End в Excel "
     "переходит к последней ячейке); иначе разделите строки на несколько книг"),
    ("delete the stray value (Ctrl+End in Excel goes to the last cell) and save",
     "удалите случайное значение (Ctrl+End в Excel переходит к последней ячейке) и сохраните"),
    ("add it to the {sheet} sheet first, or correct the code", "сначала добавьте его на лист {sheet} или исправьте код"),
    ("use {name}", "используйте {name}"),
    ("use one of the allowed codes (see the template's dropdown)",
     "используйте один из допустимых кодов (см. выпадающий список шаблона)"),
    ("use one of: {names}", "используйте одно из: {names}"),
    ("use the columns: {columns}", "используйте столбцы: {columns}"),
    ("keep one of the two rows, or change a key column", "оставьте одну из двух строк или измените ключевой столбец"),
    ("swap the dates or correct one of them", "поменяйте даты местами или исправьте одну из них"),
    ("correct the value", "исправьте значение"),
    ("check the amount and the currency; accept the warning if the overspend is real",
     "проверьте сумму и валюту; примите предупреждение, если перерасход реален"),
    ("check the target, the baseline and the indicator's direction",
     "проверьте цель, исходное значение и направление показателя"),
    ("check for an extra digit or a different unit (percent vs count)",
     "проверьте, нет ли лишней цифры или другой единицы (проценты или количество)"),
    ("check the total and the rows by country", "проверьте итог и строки по странам"),
    ("check the figures with care", "внимательно проверьте цифры"),
    ("leave out the removal, or load a sheet that holds every row to keep",
     "откажитесь от удаления или загрузите лист со всеми строками, которые нужно сохранить"),
    ("choose an IATI 2.03 activity file (.xml) from the publisher",
     "выберите файл мероприятий IATI 2.03 (.xml) от публикующей организации"),
    ("download the file again; an IATI file must be complete XML", "скачайте файл снова; файл IATI должен быть полным XML"),
    ("download the publisher's 2.03 file (IATI 1.x was retired in 2019)",
     "скачайте файл организации в версии 2.03 (IATI 1.x выведен из употребления в 2019 году)"),
    ("remove the <!DOCTYPE ...> declaration, or download the file again from the publisher",
     "удалите объявление <!DOCTYPE ...> или скачайте файл у публикующей организации снова"),
    ("the file still loads; tell the publisher", "файл всё равно загрузится; сообщите публикующей организации"),
    ("every activity needs its identifier", "каждому мероприятию нужен идентификатор"),
    ("load the publisher's activity file (iati-activities)", "загрузите файл мероприятий организации (iati-activities)"),
    ("choose a file with activities", "выберите файл с мероприятиями"),
    ("split the activities into several files", "разделите мероприятия на несколько файлов"),
    ("leave out the programme", "не указывайте программу"),
    ("name the file after one of: {tables}", "назовите файл по одной из таблиц: {tables}"),
]


# The meetings' notes (ingest/minutes.py)
MINUTES_PATTERNS: list[tuple[str, str]] = [
    ("the store is empty: there are no figures for a meeting to review", "хранилище пусто: заседанию нечего рассматривать"),
    ("build or load the figures first", "сначала соберите или загрузите данные"),
    ("there is no meeting {number}", "заседания {number} нет"),
    ("choose a meeting that was opened", "выберите открытое заседание"),
    ("open a meeting first", "сначала откройте заседание"),
    ("meeting {number} is already closed", "заседание {number} уже закрыто"),
    ("nothing to do", "делать ничего не нужно"),
    ("meeting {number} is closed", "заседание {number} закрыто"),
    ("open a new meeting to record more notes", "откройте новое заседание, чтобы записать ещё заметки"),
    ("text: the note is empty", "текст: заметка пуста"),
    ("write the decision, action or comment", "напишите решение, поручение или комментарий"),
    ("text: the note has {count} characters, above the limit of {limit}",
     "текст: в заметке {count} символов, больше предела в {limit}"),
    ("shorten it; put the details in the minutes", "сократите её; подробности — в протокол"),
    ("owner: an action point needs an owner", "ответственный: у поручения должен быть ответственный"),
    ("choose the organisation (or name the person) who will do it",
     "выберите организацию (или назовите человека), которая его выполнит"),
    ("due: an action point needs a due date", "срок: у поручения должен быть срок"),
    ("give the date it is due", "укажите срок"),
    ("due: {day} is before the meeting ({meeting_day})", "срок: {day} раньше заседания ({meeting_day})"),
    ("give a due date on or after the meeting", "укажите срок не раньше даты заседания"),
    ("{column}: only an action point has one", "{column}: это бывает только у поручения"),
    ("leave it empty, or record the note as an action point", "оставьте пустым или запишите заметку как поручение"),
    ("there is no action point {number}", "поручения {number} нет"),
    ("choose an action point from the list", "выберите поручение из списка"),
    ("record it again", "запишите ещё раз"),
]
PATTERNS += MINUTES_PATTERNS

# Parts that are themselves messages, translated in turn (the reason a snapshot was not written).
SENTENCES = {"reason", "kept"}
# A vocabulary's name is lower-case words; a value is quoted (text) or not (numbers, dates), so
# "unknown finance kind '-932'" splits after "kind", not after "finance".
GROUPS = {"what": r"[a-z]+(?: [a-z]+)*?", "value": r"'.*'|\".*\"|datetime\..*?|[^'\"a-z ].*?"}


@lru_cache(maxsize=1)
def _compiled() -> list[tuple[re.Pattern, str]]:
    compiled = []
    for english, russian in PATTERNS:
        regex = re.sub(r"\\\{(\w+)\\\}", lambda m: f"(?P<{m.group(1)}>{GROUPS.get(m.group(1), '.+?')})",
                       re.escape(english))
        compiled.append((re.compile(regex, re.DOTALL), russian))
    return compiled


def translate(message: str, lang: str) -> str:
    """``message`` in ``lang``; English, and a message no pattern knows, come back unchanged."""
    if lang != "ru" or not message:
        return message
    warning = message.startswith("warning: ")
    body = message.removeprefix("warning: ")
    for regex, russian in _compiled():
        found = regex.fullmatch(body)
        if found:
            parts = {name: translate(value, lang) if name in SENTENCES else WORDS.get(value, value)
                     for name, value in found.groupdict().items()}
            return ("предупреждение: " if warning else "") + russian.format(**parts)
    return message
