"""The pages, the filter bar, the headline figures and the definitions: (English, Russian)."""

_PROGRAMME_RU = "Региональная программа Инициативы «Луч света» в Центральной Азии и Афганистане"

TEXTS: dict[str, tuple[str, str]] = {
    # navigation; a page's heading is its name here
    "app.title": ("Spotlight Central Asia · results", "«Луч света» в Центральной Азии · результаты"),
    "nav.committee": ("Steering Committee", "Руководящий комитет"),
    "nav.overview": ("Overview", "Обзор"),
    "nav.meeting": ("Meeting mode", "Режим заседания"),
    "nav.programme": ("Programme", "Программа"),
    "nav.delivery": ("Delivery", "Освоение средств"),
    "nav.results": ("Results framework", "Система результатов"),
    "nav.reach": ("Reach", "Охват"),
    "nav.communications": ("Communications", "Коммуникации"),
    "nav.civil_society": ("Civil society", "Гражданское общество"),
    "nav.context": ("Context", "Контекст"),
    "nav.agencies": ("Agencies (IATI)", "Агентства (IATI)"),
    "nav.about": ("About the data", "О данных"),
    "nav.sources": ("Sources and methodology", "Источники и методология"),
    "nav.data": ("Data", "Данные"),
    # programmes loaded with the shipped data (a programme loaded later keeps its own name)
    "programme.SI-CA-REG": ("Spotlight Regional Programme in Central Asia and Afghanistan", _PROGRAMME_RU),
    "programme.SI-KGZ": ("Spotlight Kyrgyzstan", "Инициатива «Луч света» в Кыргызстане"),
    # the store, the filter bar, the footer
    "store.problem": ("Store: {problem}", "Хранилище: {problem}"),
    "store.empty": ("There is no data to show yet: the server's store is empty. Whoever runs the server builds it "
                    "from the shipped dataset (the README's first command does it); an editor can also load a "
                    "workbook on the Data page.",
                    "Данных для показа пока нет: хранилище сервера пусто. Тот, кто запускает сервер, собирает его "
                    "из поставляемых данных (это делает первая команда README); редактор может загрузить книгу "
                    "Excel на странице «Данные»."),
    "common.loaded": ("loaded {when} · snapshot v{version:04d}", "загружено {when} · снимок v{version:04d}"),
    "common.reported_for": ("Reported for {periods} · {loaded}", "Отчётный период: {periods} · {loaded}"),
    "common.unknown": ("unknown", "неизвестно"),
    "run_kind.build": ("build", "сборка"),
    "run_kind.import": ("import", "загрузка"),
    "run_kind.iati": ("IATI import", "загрузка IATI"),
    "run_kind.rollback": ("rollback", "откат"),
    "filter.heading": ("Filters", "Фильтры"),
    "filter.share": ("The address bar holds these filters: copy it to share exactly this view.",
                     "Адресная строка хранит эти фильтры: скопируйте её, чтобы поделиться именно этим видом."),
    "filter.programme": ("Programme", "Программа"),
    "filter.year": ("Year", "Год"),
    "filter.country": ("Country", "Страна"),
    "filter.pillar": ("Pillar", "Компонент"),
    "filter.runo": ("RUNO", "Агентство ООН"),
    "filter.programme.all": ("all programmes", "все программы"),
    "filter.year.all": ("all years", "все годы"),
    "filter.country.all": ("all countries", "все страны"),
    "filter.pillar.all": ("all pillars", "все компоненты"),
    "filter.runo.all": ("all RUNOs", "все агентства ООН"),
    "filter.programme.lower": ("programme", "программе"),
    "filter.year.lower": ("year", "году"),
    "filter.country.lower": ("country", "стране"),
    "filter.pillar.lower": ("pillar", "компоненту"),
    "filter.runo.lower": ("RUNO", "агентству ООН"),
    "filter.pillar.value": ("Pillar {number}: {name}", "Компонент {number}: {name}"),
    # A page's own link values, named in the notice when one is dropped (see filter.ignored).
    "link.since": ("Comparison snapshot", "Снимок для сравнения"),
    "link.slide": ("Slide", "Слайд"),
    "link.indicator": ("Indicator", "Показатель"),
    "filter.ignored": ("{filter} “{value}” in the link is not one of the choices; it was ignored.",
                       "{filter} «{value}» в ссылке не входит в список вариантов и не учтён."),
    "footer.text": ("{as_of} · {description}. Figures nobody reported are shown as “not reported” (“—” in tables), "
                    "never as 0. The Sources page lists every document and the definitions.",
                    "{as_of} · {description}. Цифры, о которых никто не сообщал, показаны как «нет данных» "
                    "(«—» в таблицах), никогда как 0. Страница «Источники и методология» перечисляет все документы "
                    "и определения."),
    "page.zip": ("Download every chart of this page ({count}, ZIP)", "Скачать все графики этой страницы ({count}, ZIP)"),
    "page.rows_shown": ("The first {shown} of {rows} rows; every row is in the spreadsheet.",
                        "Первые {shown} из {rows} строк; все строки — в таблице Excel."),
    "page.rows_download": ("Every row (XLSX)", "Все строки (XLSX)"),
    "page.rows_about": ("what", "что"),
    "page.rows_about_text": ("Every row ({rows}) of a table of the Spotlight Central Asia dashboard, as the page "
                             "shows it; texts as loaded, never formulas.",
                             "Все строки ({rows}) таблицы панели «Луч света» в Центральной Азии, как на странице; "
                             "тексты — как загружены, без формул."),
    "page.outside_the_app": ("This page opens inside the dashboard: open the dashboard's address instead.",
                             "Эта страница открывается внутри панели: откройте адрес панели."),
    # a chart on a page
    "scope.whole_programme": ("whole programme: not reported by {filters}", "вся программа: нет разбивки по {filters}"),
    "scope.not_by": ("not reported by {filters}", "нет разбивки по {filters}"),
    "chart.or": (" or ", " или "),
    "chart.sources_and_data": ("Sources and data", "Источники и данные"),
    "chart.download": ("Download", "Скачать"),
    "chart.no_images": ("Image files cannot be made on this server (Chromium is not installed). The camera icon in "
                        "the chart's toolbar downloads a PNG from your browser.",
                        "На этом сервере нельзя создать файлы изображений (не установлен Chromium). Значок камеры "
                        "на панели графика скачает PNG из вашего браузера."),
    "chart.shape": ("Shape", "Формат"),
    "shape.wide": ("Wide 16:9 (slides)", "Широкий 16:9 (слайды)"),
    "shape.square": ("Square (social media)", "Квадрат (соцсети)"),
    "shape.a4": ("A4 landscape (reports)", "A4 альбомный (отчёты)"),
    "chart.data_xlsx": ("Data (XLSX)", "Данные (XLSX)"),
    "chart.data_csv": ("Data (CSV)", "Данные (CSV)"),
    "chart.alt_text": ("Alt text (embedded in the PNG and SVG):", "Альтернативный текст (встроен в PNG и SVG):"),
    # Overview
    "overview.title": ("Are we on track?", "Идём ли мы по плану?"),
    # The filters by name, not by place: on a phone they are behind the sidebar's toggle, not on the left.
    "overview.question": ("Budget, delivery, reach, media and indicator status for the chosen filters "
                          "(programme, year, country, pillar, RUNO).",
                          "Бюджет, освоение средств, охват, СМИ и статус показателей для выбранных фильтров "
                          "(программа, год, страна, компонент, RUNO)."),
    "overview.changed": ("What changed since an earlier snapshot", "Что изменилось с прежнего снимка данных"),
    "overview.one_snapshot": ("There is only one snapshot so far. After the next import, this compares the figures "
                              "with the snapshot you choose, for example the one shown at the last Committee meeting.",
                              "Пока есть только один снимок данных. После следующей загрузки здесь можно сравнить "
                              "цифры с выбранным снимком, например с показанным на прошлом заседании Комитета."),
    "overview.compare_with": ("Compare with snapshot", "Сравнить со снимком"),
    "overview.then": ("then (v{version:04d})", "было (v{version:04d})"),
    "overview.now": ("now (v{version:04d})", "стало (v{version:04d})"),
    "overview.differ": ("{changed} of {total} headline figures differ.", "Различаются {changed} из {total} ключевых цифр."),
    "overview.pack": ("The Committee pack", "Материалы для Комитета"),
    "overview.pack_caption": ("Cover, headline figures, delivery, indicators with the reasons for their status, reach, "
                              "communications, what changed since the snapshot chosen above, and the sources; for "
                              "these filters.",
                              "Титульный слайд, ключевые цифры, освоение средств, показатели с причинами их статуса, "
                              "охват, коммуникации, изменения с выбранного выше снимка и источники; для этих фильтров."),
    "overview.pack_button": ("Pack ({format})", "Материалы ({format})"),
    "overview.pack_meeting_date": ("Meeting date", "Дата заседания"),
    "overview.pack_meeting_date_help": ("On the pack's cover. At first the date of the meeting in progress, if one is "
                                        "open on the Decisions and actions page, else today.",
                                        "На титульном слайде. Сначала — дата идущего заседания, если оно открыто на "
                                        "странице «Решения и поручения», иначе сегодняшняя."),
    "overview.disagreements": ("Where the sources disagree", "Где источники расходятся"),
    "overview.no_disagreements": ("No two sources disagree on a figure.", "Источники нигде не расходятся в цифрах."),
    "overview.disagreements_caption": ("Each statement is kept with its own source; none is picked silently.",
                                       "Каждое утверждение хранится со своим источником; ни одно не выбирается молча."),
    # Meeting mode
    "meeting.previous": ("Previous", "Назад"),
    "meeting.next": ("Next", "Далее"),
    "meeting.leave": ("Leave", "Выйти"),
    "meeting.no_status": ("None of the {count} indicators has a status yet: a status needs a baseline, a target and "
                          "an actual. What each one lacks:",
                          "Ни у одного из {count} показателей пока нет статуса: для него нужны базовое значение, "
                          "цель и фактическое значение. Чего не хватает каждому:"),
    "meeting.where": ("**{slide} / {slides}** · {description}", "**{slide} / {slides}** · {description}"),
    # Delivery
    "delivery.question": ("Budget, agency contributions, expenditure and delivery rate by RUNO, pillar, year and "
                          "country, against the {aim} aim.",
                          "Бюджет, вклад агентств, расходы и уровень освоения по агентствам, компонентам, годам и "
                          "странам в сравнении с целью {aim}."),
    "delivery.gap": ("Delivery rate and the gap to the aim", "Уровень освоения и разрыв до цели"),
    "delivery.nothing": ("No budget or expenditure is reported for this selection.",
                         "Для этой выборки бюджет и расходы не представлены."),
    "delivery.no_expenditure": ("No expenditure is reported yet, so the delivery rate is computed nowhere and the gap "
                                "to the aim in money is unknown; only the rate stated in a document is shown.",
                                "Расходы пока не представлены, поэтому уровень освоения нигде не рассчитан, а разрыв "
                                "до цели в деньгах неизвестен; показан только уровень, указанный в документе."),
    "delivery.runo_short": ("RUNO", "Агентство"),
    "delivery.interim_short": ("interim", "предв."),
    "delivery.runo_column": ("RUNO (empty = whole programme)", "Агентство (пусто = вся программа)"),
    "delivery.finance": ("Finance rows as reported", "Финансовые строки, как представлено"),
    "delivery.no_finance": ("No finance rows for this selection. Budgets and expenditure come from a source document, "
                            "an imported workbook or the agencies' IATI files.",
                            "Для этой выборки финансовых строк нет. Бюджеты и расходы берутся из документа-источника, "
                            "загруженной книги Excel или файлов IATI агентств."),
    "delivery.finance_caption": ("Each statement as its source gives it: where two sources state one amount "
                                 "differently, each is a row of its own, never added. Interim = not yet certified; an "
                                 "empty amount was not reported.",
                                 "Каждая цифра так, как её приводит источник: если два источника называют одну сумму "
                                 "по-разному, у каждой своя строка, и они не складываются. Предварительные — ещё не "
                                 "подтверждены; пустая сумма не представлена."),
    # Results framework
    "results.question": ("Outcomes, outputs and their indicators: baseline, target, latest actual, progress to target "
                         "and status. Indicators without data are listed, not hidden.",
                         "Конечные и промежуточные результаты и их показатели: исходное, целевое и последнее "
                         "фактическое значение, продвижение к цели и статус. Показатели без данных перечислены, "
                         "а не скрыты."),
    "results.nothing": ("No results framework is recorded for this programme. Outcomes, outputs and indicators come "
                        "from a source document or the Indicators sheet of the import workbook.",
                        "Для этой программы система результатов не записана. Результаты и показатели берутся из "
                        "документа-источника или листа Indicators книги для загрузки."),
    "results.count": ("**{indicators} indicators**, of which **{without}** have no status: baseline, target or an "
                      "actual is not reported.",
                      "**Показателей: {indicators}**, из них без статуса: **{without}** — нет исходного, целевого "
                      "или фактического значения."),
    "results.framework": ("Outcomes, outputs and indicators", "Результаты и показатели"),
    "results.output": ("**{code}** {statement}", "**{code}** {statement}"),
    "results.no_statement": ("(the source documents name this output by its code only)",
                             "(в исходных документах этот результат назван только номером)"),
    "results.outcome": ("{code} · {statement}  ({count} indicators)", "{code} · {statement}  (показателей: {count})"),
    "results.no_indicators": ("No indicators recorded for this result.", "Для этого результата показатели не записаны."),
    "results.unplaced": ("Indicators not linked to a recorded outcome or output",
                         "Показатели, не связанные с записанным результатом"),
    "results.history": ("One indicator's history", "История одного показателя"),
    "results.indicator": ("Indicator", "Показатель"),
    # Reach
    "reach.question": ("Rights holders reached directly and indirectly, against the targets. Direct and indirect "
                       "reach are different populations counted differently: they are never added.",
                       "Прямой и косвенный охват правообладателей в сравнении с целевыми показателями. Это разные "
                       "группы, которые считаются по-разному: они никогда не суммируются."),
    "reach.every": ("Every reach figure as reported", "Все цифры охвата, как представлено"),
    "reach.nothing": ("No reach figures for this selection. They come from a source document or the Reach sheet of "
                      "the import workbook.",
                      "Для этой выборки цифр охвата нет. Они берутся из документа-источника или листа Reach книги "
                      "для загрузки."),
    "reach.caption": ("A row with empty sex, age group, component or country is the total over it. Breakdowns need "
                      "not add up to the total when a source does not give every part; the note says why.",
                      "Строка с пустым полом, возрастной группой, компонентом или страной — итог по ним. Разбивка "
                      "может не давать итог, если источник приводит не все части; примечание объясняет почему."),
    # Communications
    "communications.question": ("Media hits, the share that acknowledges the EU, social media, campaigns and events.",
                                "Упоминания в СМИ, доля с признанием вклада ЕС, социальные сети, кампании и "
                                "мероприятия."),
    "communications.campaigns": ("Campaigns", "Кампании"),
    "communications.no_campaigns": ("No campaigns reported for this selection.",
                                    "Для этой выборки кампании не представлены."),
    "communications.events": ("Events", "Мероприятия"),
    "communications.no_events": ("No events reported for this selection.",
                                 "Для этой выборки мероприятия не представлены."),
    "communications.events_caption": ("A row with empty country is the whole event; the others are its parts by "
                                      "country.",
                                      "Строка с пустой страной — мероприятие целиком; остальные — его части по "
                                      "странам."),
    # Civil society
    "civil.question": ("Small-grant applications and awards, the civil society reference group, and consultations "
                       "with women's organisations.",
                       "Заявки и малые гранты, справочная группа гражданского общества и консультации с женскими "
                       "организациями."),
    "civil.grants": ("Small grants as reported", "Малые гранты, как представлено"),
    "civil.no_grants": ("No small-grant figures for this selection.", "Для этой выборки данных о малых грантах нет."),
    "civil.disputed": ("{count} rows are disputed: two sources state different figures; both are kept.",
                       "Спорных строк: {count} — два источника приводят разные цифры; сохранены обе."),
    "civil.consultations": ("Consultations", "Консультации"),
    "civil.no_consultations": ("No consultations reported for this selection. They are events of type “consultation” "
                               "in a source document or the Events sheet of the import workbook.",
                               "Для этой выборки консультации не представлены. Это мероприятия типа "
                               "«consultation» в документе-источнике или на листе Events книги для загрузки."),
    # Context
    "context.question": ("What national statistics say about violence against women and child marriage, with the "
                         "official SDG indicator titles. These are national figures, not the programme's results.",
                         "Что говорит национальная статистика о насилии в отношении женщин и детских браках, с "
                         "официальными названиями показателей ЦУР. Это национальные цифры, а не результаты "
                         "программы."),
    "context.sdg": ("SDG {code}", "ЦУР {code}"),
    "context.sdg_title": ("**SDG {code}** · {title}", "**ЦУР {code}** · {title}"),
    "context.coverage": ("Which countries have national data", "Для каких стран есть национальные данные"),
    "context.none_loaded": ("No SDG indicators are loaded.", "Показатели ЦУР не загружены."),
    "context.no_data": ("no data loaded", "данные не загружены"),
    "context.missing": ("No national data loaded for {countries}. Only Kazakhstan's published open-SDG files are in "
                        "the reference set; other countries' published files can be added the same way.",
                        "Национальные данные не загружены для: {countries}. В справочном наборе есть только "
                        "опубликованные файлы open-SDG Казахстана; опубликованные файлы других стран "
                        "добавляются так же."),
    "context.complete": ("Every country has data for every indicator.", "Для каждой страны есть данные по каждому показателю."),
    "context.values": ("Values as published", "Значения, как опубликовано"),
    # Agencies (IATI)
    "agencies.question": ("Budgets, expenditure and results as UN Women, UNDP and UNFPA publish them in IATI, next to "
                          "the programme's own figures. Amounts stay in their own currency.",
                          "Бюджеты, расходы и результаты, как их публикуют в IATI ООН-Женщины, ПРООН и ЮНФПА, рядом "
                          "с цифрами самой программы. Суммы остаются в своей валюте."),
    "agencies.linked_only": ("Only activities linked to {programme}", "Только мероприятия, связанные с: {programme}"),
    "agencies.none": ("No IATI activities are loaded. An editor loads an agency's IATI activity file on the Data "
                      "page.",
                      "Мероприятия IATI не загружены. Редактор загружает файл мероприятий IATI агентства на странице "
                      "«Данные»."),
    "agencies.none_linked": ("No IATI activities are loaded and linked to this programme. An editor loads an agency's "
                             "IATI activity file on the Data page.",
                             "Мероприятия IATI, связанные с этой программой, не загружены. Редактор загружает файл "
                             "IATI агентства на странице «Данные»."),
    "agencies.summary": ("{activities} activities from {publishers} publisher(s); {spotlight} funded by the "
                         "MPTFO-Spotlight Initiative Fund, {linked} linked to a programme.",
                         "Мероприятий: {activities}, публикующих организаций: {publishers}; финансируются фондом "
                         "MPTFO-Spotlight Initiative Fund: {spotlight}, связаны с программой: {linked}."),
    "agencies.nothing": ("Nothing reported.", "Ничего не представлено."),
    "agencies.by_organisation": ("By organisation and year", "По организациям и годам"),
    "agencies.by_organisation_caption": ("Budgets: a revised budget replaces the original for the same period; "
                                         "budgets whose periods overlap are never added, so that budget is not reported "
                                         "(budgets overlap). Expenditure: transaction type 4; negative values are "
                                         "corrections and are kept. A budget for more than a year is never put in one "
                                         "year: its row has no year, it shows its own period and the expenditure "
                                         "dated within it.",
                                         "Бюджеты: пересмотренный бюджет заменяет исходный за тот же период; "
                                         "бюджеты с пересекающимися периодами не складываются, и такой бюджет не "
                                         "указывается (бюджеты пересекаются). Расходы: тип транзакции 4; "
                                         "отрицательные значения — исправления, они сохраняются. Бюджет более чем на "
                                         "год не относится ни к одному году: в его строке нет года, указан его период "
                                         "и расходы внутри него."),
    "agencies.by_activity_caption": ("A row without a year is a budget for more than a year (IATI asks for a year at "
                                     "most), set against the transactions dated within its own period; those "
                                     "transactions are also on their years' rows. It is never split into years.",
                                     "Строка без года — бюджет более чем на год (IATI просит не больше года) против "
                                     "транзакций внутри его периода; эти транзакции есть и в строках их лет. Бюджет "
                                     "никогда не делится по годам."),
    "agencies.by_country": ("By country and year", "По странам и годам"),
    "agencies.by_country_caption": ("An activity counts for its country when it names exactly one; amounts are not "
                                    "split by percentage.",
                                    "Мероприятие относится к стране, если называет ровно одну; суммы не делятся по "
                                    "процентам."),
    "agencies.by_activity": ("By activity and year", "По мероприятиям и годам"),
    "agencies.results": ("Results: the agencies' indicators next to the programme's",
                         "Результаты: показатели агентств рядом с показателями программы"),
    "agencies.as_published": ("As published in IATI", "Как опубликовано в IATI"),
    "agencies.no_results": ("The loaded activities publish no results.", "Загруженные мероприятия не публикуют результатов."),
    "agencies.own_indicators": ("The programme's own indicators ({programme})", "Показатели самой программы ({programme})"),
    "agencies.activities": ("Activities", "Мероприятия"),
    "agencies.no_activities": ("No activities.", "Мероприятий нет."),
    # Sources and methodology
    "sources.question": ("Where every figure comes from, how the figures are computed, and every build and import of "
                         "the data.",
                         "Откуда берётся каждая цифра, как цифры рассчитываются, и каждая сборка и загрузка данных."),
    "sources.sources": ("Sources", "Источники"),
    "sources.server_command_line": ("the server's command line", "командная строка сервера"),
    "sources.caption": ("{count} sources for this programme (context data included). Quotes are verbatim from the "
                        "documents, in their language.",
                        "Источников для этой программы: {count} (включая контекстные данные). Цитаты приводятся "
                        "дословно, на языке документа."),
    "sources.definitions": ("Definitions", "Определения"),
    "sources.history": ("Ingest history", "История загрузок"),
    # headline figures
    "kpi.not_reported": ("Not reported", "Нет данных"),
    "disagreement.more_than": ("more than {value}", "более {value}"),
    "kpi.whole_programme": ("whole programme", "вся программа"),
    "kpi.sources_differ": ("Sources differ", "Источники расходятся"),
    "kpi.sources_differ_detail": ("two sources state this figure differently: see «Where the sources disagree»",
                                  "два источника приводят эту цифру по-разному: см. «Где источники расходятся»"),
    "kpi.media_of_programme": ("of {total} in the whole programme", "из {total} по всей программе"),
    "kpi.source": ("Source", "Источник"),
    "kpi.budget": ("Total budget (USD)", "Бюджет, долл. США"),
    "kpi.budget_detail": ("Spotlight funds {approved} + agency contributions {contribution}",
                          "Средства «Луча света» {approved} + вклад агентств {contribution}"),
    "kpi.budget_none": ("No budget reported for this selection.", "Для этой выборки бюджет не представлен."),
    "kpi.delivery": ("Delivery rate", "Освоение средств"),
    "kpi.delivery_aim": ("aim {aim} by end of {period}", "цель {aim} к концу {period}"),
    "kpi.delivery_none": ("No delivery rate reported for this selection.",
                          "Для этой выборки уровень освоения не представлен."),
    "kpi.direct_reach": ("Direct reach", "Прямой охват"),
    "kpi.indirect_reach": ("Indirect reach", "Косвенный охват"),
    "kpi.reach_target": ("rights holders; target {target}", "правообладателей; цель {target}"),
    "kpi.reach_share": ("{share} of target", "{share} от цели"),
    "kpi.direct_none": ("No direct reach reported for this selection.", "Для этой выборки прямой охват не представлен."),
    "kpi.indirect_none": ("No indirect reach reported for this selection.",
                          "Для этой выборки косвенный охват не представлен."),
    "kpi.media": ("Media hits", "Упоминания в СМИ"),
    "kpi.media_outlets": ("by {outlets} outlets", "в {outlets} СМИ"),
    "kpi.media_eu": ("{share} acknowledge the EU", "{share} признают вклад ЕС"),
    "kpi.media_none": ("No media hits reported for this selection.", "Для этой выборки упоминания в СМИ не представлены."),
    "kpi.key.budget": ("Total budget (USD)", "Общий бюджет (долл. США)"),
    "kpi.key.delivery": ("Delivery rate", "Освоение средств"),
    "kpi.key.direct_reach": ("Direct reach (rights holders)", "Прямой охват (правообладатели)"),
    "kpi.key.indirect_reach": ("Indirect reach (rights holders)", "Косвенный охват (правообладатели)"),
    "kpi.key.media": ("Media hits", "Упоминания в СМИ"),
    "kpi.value_kind.baseline": ("baseline", "исходное значение"),
    "kpi.value_kind.target": ("target", "целевое значение"),
    "kpi.value_kind.milestone": ("milestone", "промежуточное значение"),
    "kpi.value_kind.actual": ("actual", "фактическое значение"),
    "kpi.and": (" and ", " и "),
    "kpi.reason_missing": ("{missing} not reported", "нет данных: {missing}"),
    "kpi.reason_undefined": ("target on the wrong side of the baseline, or the target period is unknown",
                             "цель по другую сторону от исходного значения, или период цели неизвестен"),
    "kpi.reason": ("{progress} of the way from baseline {baseline} to target {target} (actual {actual}, {period})",
                   "{progress} пути от исходного значения {baseline} к цели {target} (фактически {actual}, {period})"),
    # status and definitions
    "rag.green": ("green", "зелёный"),
    "rag.amber": ("amber", "жёлтый"),
    "rag.red": ("red", "красный"),
    "rag.no data": ("no data", "нет данных"),
    "rag.thresholds": ("green: at least {green} % of the progress expected by now; amber: at least {amber} %; red: "
                       "below {amber} %; no data: baseline, target or actual not reported",
                       "зелёный: не менее {green} % ожидаемого к этому времени продвижения; жёлтый: не менее "
                       "{amber} %; красный: менее {amber} %; нет данных: не представлено исходное, целевое или "
                       "фактическое значение"),
    "metrics.definitions": (
        "- Delivery rate = expenditure / approved budget for the same programme, organisation and currency, in per "
        "cent. The approved budget is the Spotlight funding (``approved``), or the revised budget where one is "
        "recorded; agency contributions are shown beside it, not in it. With no expenditure or no budget reported, the "
        "rate is missing, never 0.\n"
        "- Progress to target = (actual - baseline) / (target - baseline). Both differences carry their sign, so an "
        "indicator where lower is better (target below baseline) is honoured; a target on the wrong side of its "
        "baseline for the indicator's direction gives no progress (missing).\n"
        "- RAG status compares progress with the progress expected by the date of the actual: green at or above "
        "{green} % of it, amber at or above {amber} %, red below; \"no data\" when it cannot be computed.\n"
        "- Direct and indirect reach are different populations counted differently: they are never added together "
        "into one number.",
        "- Уровень освоения = расходы / утверждённый бюджет той же программы, организации и валюты, в процентах. "
        "Утверждённый бюджет — финансирование «Луча света» (``approved``) или пересмотренный бюджет, если он записан; "
        "вклад агентств показан рядом, а не внутри. Если расходы или бюджет не представлены, уровня нет, и он никогда "
        "не равен 0.\n"
        "- Продвижение к цели = (фактическое − исходное) / (целевое − исходное). Обе разности сохраняют знак, поэтому "
        "учитываются показатели, где лучше меньше (цель ниже исходного значения); цель по другую сторону от исходного "
        "значения для направления показателя не даёт продвижения (нет данных).\n"
        "- Статус (зелёный, жёлтый, красный) сравнивает продвижение с ожидаемым к дате фактического значения: "
        "зелёный — не менее {green} % ожидаемого, жёлтый — не менее {amber} %, красный — ниже; «нет данных», если "
        "рассчитать нельзя.\n"
        "- Прямой и косвенный охват — разные группы, которые считаются по-разному: они никогда не складываются в одно "
        "число."),
    # formatting.py: a missing figure, a difference, dates ("22 ноября 2026": genitive) and axis months.
    "format.not_reported": ("not reported", "нет данных"),
    "format.no_change": ("no change", "без изменений"),
    "format.points": ("points", "п. п."),
    "format.date_input": ("YYYY/MM/DD", "DD.MM.YYYY"),  # how a date field shows its date (Streamlit's format)
    "format.date_month.1": ("Jan", "января"),
    "format.date_month.2": ("Feb", "февраля"),
    "format.date_month.3": ("Mar", "марта"),
    "format.date_month.4": ("Apr", "апреля"),
    "format.date_month.5": ("May", "мая"),
    "format.date_month.6": ("Jun", "июня"),
    "format.date_month.7": ("Jul", "июля"),
    "format.date_month.8": ("Aug", "августа"),
    "format.date_month.9": ("Sep", "сентября"),
    "format.date_month.10": ("Oct", "октября"),
    "format.date_month.11": ("Nov", "ноября"),
    "format.date_month.12": ("Dec", "декабря"),
    "format.month.1": ("January", "январь"),
    "format.month.2": ("February", "февраль"),
    "format.month.3": ("March", "март"),
    "format.month.4": ("April", "апрель"),
    "format.month.5": ("May", "май"),
    "format.month.6": ("June", "июнь"),
    "format.month.7": ("July", "июль"),
    "format.month.8": ("August", "август"),
    "format.month.9": ("September", "сентябрь"),
    "format.month.10": ("October", "октябрь"),
    "format.month.11": ("November", "ноябрь"),
    "format.month.12": ("December", "декабрь"),
}
