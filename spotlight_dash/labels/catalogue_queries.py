"""What each named query gives, in English and Russian: shown above its table and (English) in the
generated list of named queries. ``queries.Query.description`` reads it from here, so the label
catalogue stays a leaf that imports nothing of the package."""

TEXTS = {
    "query.budget_by_runo": (
        "Approved Spotlight funding and agency contributions by recipient UN organisation.",
        "Утверждённое финансирование «Луча света» и вклад агентств по получающим организациям ООН."),
    "query.delivery": (
        "Delivery: budget, expenditure and delivery rate (computed where both are reported), the rate the "
        "documents state, and the aim; one row per programme, RUNO (empty = all) and period.",
        "Освоение средств: бюджет, расходы и уровень освоения (рассчитывается, где известны оба), уровень, "
        "указанный в документах, и цель; одна строка на программу, агентство (пусто = все) и период."),
    "query.reach": (
        "Rights holders reached and targets, as reported: a row with empty sex, age group, component and country "
        "is a total; other rows are its breakdown. Direct and indirect are never added.",
        "Охват правообладателей и целевые показатели, как представлено: строка с пустыми полом, возрастной "
        "группой, компонентом и страной — итог; остальные — его разбивка. Прямой и косвенный охват не "
        "суммируются."),
    "query.reach_against_target": (
        "Reported totals of rights holders reached against the targets, per programme and type.",
        "Итоговый охват правообладателей в сравнении с целевыми показателями, по программе и типу."),
    "query.media_hits_by_country": (
        "Media hits by country (INT = international outlets).",
        "Упоминания в СМИ по странам (INT — международные СМИ)."),
    "query.media_summary": (
        "Media totals: hits, outlets and hits acknowledging the EU, programme-wide.",
        "Итоги по СМИ: упоминания, число СМИ и упоминания с признанием вклада ЕС, по всей программе."),
    "query.indicator_progress": (
        "Indicators with baseline, target, latest actual, progress to target and RAG status; indicators with no "
        "values are listed with status 'no data'. Values are the programme-wide ones (or, for a one-country "
        "programme, that country's), or the chosen country's.",
        "Показатели с исходным, целевым и последним фактическим значением, продвижением к цели и статусом; "
        "показатели без значений перечислены со статусом «нет данных»."),
    "query.indicator_history": (
        "Values of one indicator (the `indicator` filter) by period and kind, with country and sex where given.",
        "Значения одного показателя по периодам и видам, со страной и полом, где они указаны."),
    "query.results_framework": (
        "The results framework: outcomes and their outputs, with how many indicators each has.",
        "Система результатов: конечные результаты и их промежуточные результаты с числом показателей."),
    "query.media_hits_by_pillar": (
        "Media hits by pillar, where hits are recorded with one.",
        "Упоминания в СМИ по компонентам, где компонент указан."),
    "query.media_hits_by_month": (
        "Media hits by month of publication, where hits are dated.",
        "Упоминания в СМИ по месяцам публикации, где указана дата."),
    "query.finance_detail": (
        "Finance rows as reported, by RUNO, pillar, country, period and kind; expenditure marked interim until "
        "certified.",
        "Финансовые строки, как представлено: по агентству, компоненту, стране, периоду и виду; расходы помечены "
        "как предварительные до их подтверждения."),
    "query.sdg_values": (
        "National SDG data on violence against women and child marriage, with the official titles.",
        "Национальные данные ЦУР о насилии в отношении женщин и детских браках, с официальными названиями."),
    "query.sdg_coverage": (
        "Which countries have national SDG data for each indicator: the latest year, or none.",
        "Для каких стран есть национальные данные ЦУР по каждому показателю: последний год или нет данных."),
    "query.ingest_history": (
        "Every build, import and rollback: when, by whom, which file and its SHA-256, rows per table.",
        "Каждая сборка, загрузка и откат: когда, кем, какой файл и его SHA-256, строк по таблицам."),
    "query.periods": (
        "Reporting periods with the names readers know them by.",
        "Отчётные периоды с названиями, под которыми их знают читатели."),
    "query.years": (
        "Years the filters offer: the calendar years that reporting periods cover.",
        "Годы, которые предлагают фильтры: календарные годы отчётных периодов."),
    "query.campaigns": (
        "Campaigns and social media, as reported (columns as in the campaigns table).",
        "Кампании и социальные сети, как представлено."),
    "query.events": (
        "Events; a row with empty country is the whole event, others its parts by country.",
        "Мероприятия; строка с пустой страной — мероприятие целиком, остальные — его части по странам."),
    "query.reference_group": (
        "Civil society reference group members by country (empty = all).",
        "Члены справочной группы гражданского общества по странам (пусто = все)."),
    "query.grants": (
        "Civil-society small grants: applications, awards, named grantees and the ceiling, each statement with "
        "its source; `disputed` is true where two sources give different figures for the same thing.",
        "Малые гранты гражданскому обществу: заявки, гранты, получатели и предельная сумма, каждое утверждение со "
        "своим источником; `disputed` — два источника дают разные цифры."),
    "query.sources": (
        "Every source with its document, section, quote, and how many rows of each table cite it.",
        "Каждый источник с документом, разделом, цитатой и числом строк каждой таблицы, которые на него "
        "ссылаются."),
    "query.disagreements": (
        "Figures that two sources state differently for the same thing; both are kept and shown.",
        "Цифры, которые два источника указывают по-разному; сохраняются и показываются обе."),
    "query.programmes": (
        "Programmes with their MPTF number and each key date as each source states it.",
        "Программы с номером MPTF и ключевыми датами по каждому источнику."),
    "query.iati_delivery": (
        "IATI delivery by activity and year: budget (revised replacing original for the same period; overlapping "
        "budgets never added), expenditure (transaction type 4) and the delivery rate, one row per currency; a "
        "budget longer than a year is a row of its own against the expenditure within its period; rows with "
        "neither a budget nor an expenditure are left out; `query delivery --by activity,year` prints it.",
        "Освоение по IATI по мероприятиям и годам: бюджет (пересмотренный заменяет исходный; пересекающиеся "
        "бюджеты не складываются), расходы (тип транзакции 4) и уровень освоения, одна строка на валюту; бюджет "
        "дольше года — отдельная строка против расходов за тот же период; строки без бюджета и без расходов не "
        "показываются."),
    "query.iati_delivery_by_organisation": (
        "IATI finance by reporting organisation and year, per currency; budgets longer than a year are rows of "
        "their own, with their period.",
        "Финансы IATI по публикующей организации и году, по валютам; бюджеты дольше года — отдельные строки со "
        "своим периодом."),
    "query.iati_delivery_by_country": (
        "IATI finance by recipient country and year, per currency: an activity counts for its country when it "
        "names exactly one ('several' otherwise; amounts are not split by percentage); budgets longer than a year "
        "are rows of their own, with their period.",
        "Финансы IATI по стране-получателю и году, по валютам: мероприятие относится к стране, если называет "
        "ровно одну (иначе «несколько»; суммы не делятся по процентам); бюджеты дольше года — отдельные строки со "
        "своим периодом."),
    "query.iati_finance": (
        "IATI finance by activity and year with organisation, country, budget status, disbursements and "
        "commitments, each row with the file it comes from; a budget longer than a year is a row of its own "
        "against the transactions dated within its period.",
        "Финансы IATI по мероприятию и году: организация, страна, статус бюджета, выплаты и обязательства, каждая "
        "строка с файлом-источником; бюджет дольше года — отдельная строка против транзакций за его период."),
    "query.iati_indicator_results": (
        "IATI indicator results: baseline, and target and actual per period, as published; an empty value is "
        "missing, never 0.",
        "Результаты показателей IATI: исходное значение, целевое и фактическое по периодам, как опубликовано; "
        "пустое значение — нет данных, никогда не 0."),
    "query.iati_activities": (
        "IATI activities with their publisher, countries, whether the Spotlight fund finances them, and the "
        "programme a user linked them to.",
        "Мероприятия IATI с публикующей организацией, странами, финансированием из фонда «Луч света» и "
        "программой, с которой их связал пользователь."),
    "query.meetings": (
        "The Steering Committee's meetings, newest first: the day, the snapshot each reviews, its notes and open actions.",
        "Заседания Руководящего комитета, сначала новые: дата, снимок, который рассматривался, заметки и открытые поручения."),
    "query.notes": (
        "Decisions, action points and comments recorded in the meetings, with the chart and view each was made on.",
        "Решения, поручения и комментарии заседаний, с графиком и видом, к которым они относятся."),
}
