"""The editors' Data page, the sign-in box, the data workbook's instructions and the table names:
(English, Russian). Sheet and column names inside the workbook stay English: the import reads them."""

TEXTS: dict[str, tuple[str, str]] = {
    # sign-in
    "auth.editor": ("Editor", "Редактор"),
    "auth.signed_in": ("Signed in as editor: the Data page loads new figures.",
                       "Вы вошли как редактор: страница «Данные» загружает новые цифры."),
    "auth.sign_out": ("Sign out", "Выйти"),
    "auth.secret": ("Editor secret", "Пароль редактора"),
    "auth.sign_in": ("Sign in", "Войти"),
    "auth.refused": ("That is not the editor secret.", "Это не пароль редактора."),
    "auth.wait": ("Too many wrong secrets: wait {seconds} s before the next try (the wait doubles with each "
                  "wrong try).",
                  "Слишком много неверных попыток: подождите {seconds} с до следующей (с каждой неверной "
                  "попыткой ожидание удваивается)."),
    # sign-in through the identity provider (OpenID Connect)
    "auth.signed_in_as": ("Signed in as {who}.", "Вы вошли как {who}."),
    "auth.no_name": ("(no name or verified e-mail)", "(без имени и подтверждённой почты)"),
    "auth.role_editor": ("You are an editor: the Data page loads new figures in your name.",
                         "Вы редактор: страница «Данные» загружает новые цифры от вашего имени."),
    "auth.unverified": ("Your identity provider did not confirm your e-mail address, so it cannot make you an editor.",
                        "Ваш поставщик удостоверений не подтвердил адрес почты, поэтому он не может сделать вас "
                        "редактором."),
    "auth.required": ("This dashboard is for signed-in users. Sign in with your organisation's account.",
                      "Эта панель только для вошедших пользователей. Войдите с учётной записью вашей организации."),
    "auth.not_allowed": ("Signed in as {who}: this account is not among those allowed to see the dashboard. Sign out "
                         "and sign in with your organisation's account, or ask the programme coordinator for access.",
                         "Вы вошли как {who}: этой учётной записи не разрешено смотреть панель. Выйдите и войдите "
                         "с учётной записью вашей организации или попросите доступ у координатора программы."),
    "auth.no_provider": ("This server shows the dashboard to signed-in users only, but no sign-in is configured. "
                         "Tell whoever runs the server.",
                         "Этот сервер показывает панель только вошедшим пользователям, но вход не настроен. Сообщите "
                         "тому, кто обслуживает сервер."),
    # Data page
    "data.question": ("Load the figures of a reporting period from the Excel workbook. Nothing is written until the "
                      "whole file is valid and you confirm; every load is one snapshot that can be undone.",
                      "Загрузите цифры отчётного периода из книги Excel. Ничего не записывается, пока весь файл не "
                      "пройдёт проверку и вы не подтвердите; каждая загрузка — один снимок, который можно отменить."),
    "data.editors_only.none": ("This page is for editors, and this server has none: it is read-only.",
                               "Эта страница для редакторов, а на этом сервере их нет: он только для чтения."),
    "data.editors_only.secret": ("This page is for editors. Sign in with the editor secret in the sidebar.",
                          "Эта страница для редакторов. Войдите с паролем редактора на боковой панели."),
    "data.editors_only.provider": ("This page is for editors. Sign in in the sidebar with your organisation's account; "
                                  "your e-mail must be on this server's list of editors.",
                                  "Эта страница для редакторов. Войдите на боковой панели с учётной записью вашей "
                                  "организации; ваш адрес должен быть в списке редакторов этого сервера."),
    "data.loading_as": ("The import history will name you as {who} (from your sign-in).",
                        "В истории загрузок вы будете указаны как {who} (по вашему входу)."),
    "data.snapshot": ("snapshot v{version:04d}", "снимок v{version:04d}"),
    "data.empty_store": ("empty store", "пустое хранилище"),
    "data.editor_in_app": ("editor (app)", "редактор (приложение)"),
    "data.get": ("1 · Get the workbook", "1 · Получите книгу Excel"),
    "data.template": ("Empty template (.xlsx)", "Пустой шаблон (.xlsx)"),
    "data.everything": ("Everything in the store ({as_of}, .xlsx)", "Всё содержимое хранилища ({as_of}, .xlsx)"),
    "data.matching": ("Fill in or correct the rows and load the file below. Rows are matched by their key columns: a "
                      "row whose key is already in the store is updated, a new key is added; nothing is removed unless "
                      "you choose a table below.",
                      "Заполните или исправьте строки и загрузите файл ниже. Строки сопоставляются по ключевым "
                      "столбцам: строка с ключом, который уже есть в хранилище, обновляется, новый ключ добавляется; "
                      "ничего не удаляется, если вы не выберете таблицу ниже."),
    "data.load": ("2 · Load a filled workbook", "2 · Загрузите заполненную книгу"),
    "data.your_name": ("Your name (for the import history)", "Ваше имя (для истории загрузок)"),
    "data.workbook": ("Workbook (.xlsx)", "Книга Excel (.xlsx)"),
    "data.remove": ("Remove the rows of these tables that the workbook does not hold (optional)",
                    "Удалить строки этих таблиц, которых нет в книге (необязательно)"),
    "data.remove_help": ("Only for a sheet that holds every row you want to keep.",
                         "Только для листа, на котором есть все строки, которые нужно сохранить."),
    "data.checking": ("Checking {file}…", "Проверка {file}…"),
    "data.checked": ("Checked {file}: {status}", "Проверен {file}: {status}"),
    "data.status.problems": ("problems", "есть ошибки"),
    "data.status.warnings": ("warnings", "есть предупреждения"),
    "data.status.valid": ("valid", "без ошибок"),
    "data.status.nothing to change": ("nothing to change", "изменений нет"),
    "data.status.committed": ("loaded", "загружен"),
    "data.status.checked": ("checked", "проверен"),
    "data.problems": ("{count} problem(s) in {file}. Nothing was written. Fix them and load the file again; the "
                      "workbook below marks each problem cell with the message.",
                      "Ошибок в {file}: {count}. Ничего не записано. Исправьте их и загрузите файл снова; в книге "
                      "ниже каждая ячейка с ошибкой отмечена сообщением."),
    "data.marked": ("The workbook with the problem cells marked", "Книга с отмеченными ячейками"),
    "data.warnings": ("{count} warning(s): the file can be loaded, but look at these first.",
                      "Предупреждений: {count}. Файл можно загрузить, но сначала посмотрите на них."),
    "data.nothing_to_change": ("Everything in this file is already in the store: loading it would change nothing.",
                               "Всё из этого файла уже есть в хранилище: загрузка ничего не изменит."),
    "data.changes": ("**What loading {file} changes** (against {as_of})", "**Что изменит загрузка {file}** (по сравнению: {as_of})"),
    "data.table_changes": ("{table}: {added} added, {changed} changed, {removed} removed",
                           "{table}: добавлено {added}, изменено {changed}, удалено {removed}"),
    "data.added": ("added", "добавлено"),
    "data.changed": ("changed", "изменено"),
    "data.removed": ("removed", "удалено"),
    "data.accept": ("I have read the warnings and want to load the file", "Я прочитал(а) предупреждения и хочу загрузить файл"),
    "data.load_button": ("Load these changes as a new snapshot", "Загрузить эти изменения как новый снимок"),
    "data.loading": ("Loading…", "Загрузка…"),
    "data.not_loaded": ("Not loaded", "Не загружено"),
    "data.nothing_written": ("{reason}. Nothing was written.", "{reason}. Ничего не записано."),
    "data.loaded_as": ("Loaded as snapshot v{version:04d}", "Загружено как снимок v{version:04d}"),
    "data.loaded": ("Loaded {file} as snapshot v{version:04d}: {changes}. Every page now shows it.",
                    "{file} загружен как снимок v{version:04d}: {changes}. Все страницы теперь показывают его."),
    "data.undo": ("3 · Undo the last import", "3 · Отменить последнюю загрузку"),
    "data.nothing_to_undo": ("The current snapshot was not made by an import, so there is nothing to undo here.",
                             "Текущий снимок создан не загрузкой, поэтому отменять здесь нечего."),
    "data.last_import": ("The last import: {file} by {user}, {when} UTC (snapshot v{version:04d}).",
                         "Последняя загрузка: {file}, {user}, {when} UTC (снимок v{version:04d})."),
    "data.undo_button": ("Undo it", "Отменить"),
    "data.undone": ("Undone: snapshot v{version:04d} is current, with the data from before the import.",
                    "Отменено: текущий снимок v{version:04d} содержит данные до загрузки."),
    "data.iati": ("4 · Load an agency's IATI activity file", "4 · Загрузить файл мероприятий IATI агентства"),
    "data.iati_caption": ("UN Women, UNDP and UNFPA publish their projects in IATI 2.03 XML. Loading a file stores each "
                          "activity's budgets, transactions and results as published; a newer file replaces what an "
                          "earlier one said about the same activities. Departures from the IATI schema are shown as "
                          "warnings.",
                          "ООН-Женщины, ПРООН и ЮНФПА публикуют свои проекты в IATI 2.03 XML. Загрузка файла сохраняет "
                          "бюджеты, транзакции и результаты каждого мероприятия, как опубликовано; более новый файл "
                          "заменяет сказанное прежним о тех же мероприятиях. Отступления от схемы IATI показываются "
                          "как предупреждения."),
    "data.iati_file": ("IATI activity file (.xml)", "Файл мероприятий IATI (.xml)"),
    "data.link": ("Link the Spotlight-funded activities to a programme",
                  "Связать мероприятия, финансируемые «Лучом света», с программой"),
    "data.no_link": ("do not link", "не связывать"),
    "data.link_help": ("Only activities funded by the MPTFO-Spotlight Initiative Fund are linked, and only when you "
                       "choose a programme here.",
                       "Связываются только мероприятия, финансируемые фондом MPTFO-Spotlight Initiative Fund, и только "
                       "если вы выберете программу здесь."),
    "data.iati_problems": ("{count} problem(s) in {file}. Nothing was written.",
                           "Ошибок в {file}: {count}. Ничего не записано."),
    "data.iati_warnings": ("{count} warning(s), e.g. departures from the IATI schema, each with its element and line.",
                           "Предупреждений: {count} — например, отступления от схемы IATI, каждое с элементом и строкой."),
    "data.spotlight_activities": ("{count} activities are funded by the MPTFO-Spotlight Initiative Fund: {activities}.",
                                  "Мероприятий, финансируемых фондом MPTFO-Spotlight Initiative Fund: {count}: "
                                  "{activities}."),
    "data.will_link": ("They will be linked to {programme}.", "Они будут связаны с {programme}."),
    "data.choose_link": ("Choose a programme above to link them.", "Выберите программу выше, чтобы связать их."),
    "data.iati_load": ("Load this IATI file as a new snapshot", "Загрузить этот файл IATI как новый снимок"),
    "data.iati_loaded": ("Loaded {file} as snapshot v{version:04d}. The Agencies page shows it.",
                         "{file} загружен как снимок v{version:04d}. Его показывает страница «Агентства (IATI)»."),
    "data.history": ("Import history", "История загрузок"),
    "data.history_caption": ("Every build, import and undo, newest first: who, when, which file and its SHA-256, rows "
                             "per table.",
                             "Каждая сборка, загрузка и отмена, новые сверху: кто, когда, какой файл и его SHA-256, "
                             "строк по таблицам."),
    "diff.table": ("{table}: +{added} added, {changed} changed, -{removed} removed",
                   "{table}: +{added} добавлено, {changed} изменено, -{removed} удалено"),
    "diff.nothing": ("nothing to change", "изменений нет"),
    # the data workbook
    "template.title": ("Spotlight results dashboard · data template", "Панель результатов «Луча света» · шаблон данных"),
    "template.export_title": ("Spotlight results dashboard · export of the data store",
                              "Панель результатов «Луча света» · выгрузка хранилища данных"),
    "template.as_of": ("Data as of: {as_of}", "Данные на: {as_of}"),
    "template.generated": ("Template generated {date}", "Шаблон создан {date}"),
    "template.how_to_fill": ("How to fill it in", "Как заполнять"),
    "template.fill_lines": (
        "• One sheet per table; row 1 holds the column names. Do not rename or reorder sheets or columns.\n"
        "• Bold columns are required. An empty cell means 'not reported' (never type 0 for a missing figure).\n"
        "• Codes come from the dropdowns: countries as ISO3 (KAZ), RUNOs as UNW/UNFPA/UNDP, pillars 1-6.\n"
        "• Dates as dates or YYYY-MM-DD text. Amounts and counts as plain numbers, no units or text.\n"
        "• Every figure cites a source_id: add the source on the Sources sheet (document, section, quote).\n"
        "• New programmes, periods and indicators go on their own sheets; they can then be chosen elsewhere.",
        "• Один лист на таблицу; в строке 1 — названия столбцов. Не переименовывайте и не переставляйте листы и "
        "столбцы: загрузка читает их английские названия.\n"
        "• Столбцы, выделенные жирным, обязательны. Пустая ячейка означает «нет данных» (не вводите 0 вместо "
        "отсутствующей цифры).\n"
        "• Коды выбираются из выпадающих списков: страны по ISO3 (KAZ — Казахстан), агентства ООН как UNW "
        "(ООН-Женщины), UNFPA (ЮНФПА), UNDP (ПРООН), компоненты 1–6.\n"
        "• Даты — как даты или текст ГГГГ-ММ-ДД. Суммы и количества — простыми числами, без единиц и текста.\n"
        "• Каждая цифра ссылается на source_id: добавьте источник на лист Sources (документ, раздел, цитата).\n"
        "• Новые программы, периоды и показатели добавляются на их собственные листы; затем их можно выбирать на "
        "других листах."),
    "template.what_loading_does": ("What loading does", "Что делает загрузка"),
    "template.loading_lines": (
        "• Rows are matched by their key columns (see each header's comment). A row whose key is in the store\n"
        "  replaces it; a new key adds a row. Rows missing from the workbook are kept, unless the person loading\n"
        "  the file asks for removal for that table (--remove-missing TABLE).\n"
        "• The whole file is checked first; every problem is listed with its cell. Nothing is written until\n"
        "  there are no errors. Each loaded row records this file, sheet and row as where it came from.\n"
        "• Leave out sheets you do not change; do not merge cells; formulas must have been calculated.",
        "• Строки сопоставляются по ключевым столбцам (см. комментарий к каждому заголовку). Строка с ключом,\n"
        "  который есть в хранилище, заменяет прежнюю; новый ключ добавляет строку. Строки, которых нет в книге,\n"
        "  сохраняются, если загружающий не попросит удалить их для этой таблицы (--remove-missing TABLE).\n"
        "• Сначала проверяется весь файл; каждая ошибка приводится с её ячейкой. Ничего не записывается, пока\n"
        "  есть ошибки. Каждая загруженная строка запоминает этот файл, лист и строку как свой источник.\n"
        "• Не включайте листы, которые не меняете; не объединяйте ячейки; формулы должны быть рассчитаны."),
    "template.sheets": ("Sheets", "Листы"),
    "template.sheet_line": ("• {sheet}: {description} (key: {keys})", "• {sheet}: {description} (ключ: {keys})"),
    "template.required": ("required", "обязательно"),
    "template.optional": ("optional; empty = not reported", "необязательно; пусто = нет данных"),
    "template.allowed": ("allowed: {codes}", "допустимо: {codes}"),
    "template.key": ("part of the row's key: rows with the same key are updated",
                     "часть ключа строки: строки с тем же ключом обновляются"),
    "template.not_allowed": ("Not an allowed value", "Недопустимое значение"),
    "template.choose": ("{column}: choose a value from the list. New programmes, periods, indicators and sources are "
                        "added on their own sheets first.",
                        "{column}: выберите значение из списка. Новые программы, периоды, показатели и источники "
                        "сначала добавляются на их собственные листы."),
    "template.error": ("error", "ошибка"),
    "template.warning": ("warning", "предупреждение"),
    # the tables, as the workbook's Sheets list and the Data page name them
    "table.documents": ("source documents", "документы-источники"),
    "table.sources": ("where each figure comes from", "откуда берётся каждая цифра"),
    "table.periods": ("reporting periods", "отчётные периоды"),
    "table.programmes": ("Spotlight programmes", "программы «Луча света»"),
    "table.programme_dates": ("key dates", "ключевые даты"),
    "table.results": ("outcomes and outputs", "конечные и промежуточные результаты"),
    "table.indicators": ("indicators", "показатели"),
    "table.indicator_values": ("baselines, targets, milestones and actuals",
                               "исходные, целевые, промежуточные и фактические значения"),
    "table.finance": ("budgets and expenditure", "бюджеты и расходы"),
    "table.delivery_rates": ("delivery rates as stated, and the aim", "указанные уровни освоения и цель"),
    "table.reach": ("rights holders reached, and targets", "охват правообладателей и целевые показатели"),
    "table.media": ("media hits", "упоминания в СМИ"),
    "table.campaigns": ("campaigns and social media", "кампании и социальные сети"),
    "table.events": ("events", "мероприятия"),
    "table.grants": ("civil-society small grants", "малые гранты гражданскому обществу"),
    "table.reference_group": ("civil society reference group composition", "состав справочной группы гражданского общества"),
    "table.sdg_indicators": ("SDG indicators with official titles", "показатели ЦУР с официальными названиями"),
    "table.sdg_values": ("national SDG data on violence against women", "национальные данные ЦУР о насилии в отношении женщин"),
}
