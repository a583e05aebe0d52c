"""The Steering Committee's meetings, notes and action points: (English, Russian)."""

TEXTS: dict[str, tuple[str, str]] = {
    "nav.actions": ("Decisions and actions", "Решения и поручения"),
    "run_kind.note": ("meeting note", "запись заседания"),
    # a note, wherever it shows
    "notes.count": ("Notes: {count}", "Заметки: {count}"),
    "notes.add": ("Add a note", "Добавить заметку"),
    "notes.kind": ("Kind", "Вид"),
    "actions.any_status": ("any status", "любой статус"),
    "notes.action_line": ("owner {owner}, due {due}, {status}", "ответственный {owner}, срок {due}, {status}"),
    "notes.in_meeting": ("Recorded in **{title}** ({day}), on this figure and the filters on screen.",
                         "Запись в **{title}** ({day}) к этому показателю и фильтрам на экране."),
    "notes.text": ("What was decided, asked or said (plain text, up to 2,000 characters)",
                   "Что решено, поручено или сказано (простой текст, до 2000 символов)"),
    "notes.action_fields": ("For an action point: who does it, and by when.",
                            "Для поручения: кто выполняет и к какому сроку."),
    "notes.owner": ("Owner organisation", "Ответственная организация"),
    "notes.person": ("Owner (person)", "Ответственный (лицо)"),
    "notes.due": ("Due", "Срок"),
    "notes.record": ("Record", "Записать"),
    "notes.recorded": ("{kind} recorded: snapshot v{version}. Undo it on the Data page.",
                       "{kind}: записано, снимок v{version}. Отменить можно на странице «Данные»."),
    # meetings, in Meeting mode
    "meetings.current": ("**{title}** · {day} · reviews the figures of snapshot v{version}",
                         "**{title}** · {day} · рассматривает данные снимка v{version}"),
    "meetings.none_open": ("No meeting is open: notes can be recorded once an editor opens one.",
                           "Открытого заседания нет: заметки можно записывать, когда редактор его откроет."),
    "meetings.open": ("Open a meeting", "Открыть заседание"),
    "meetings.day": ("Date of the meeting", "Дата заседания"),
    "meetings.title": ("Title", "Название"),
    "meetings.title_example": ("e.g. Regional Steering Committee, 5th meeting",
                               "например, Региональный руководящий комитет, 5-е заседание"),
    "meetings.opened": ("Meeting opened: snapshot v{version}.", "Заседание открыто: снимок v{version}."),
    "meetings.close": ("Close the meeting", "Закрыть заседание"),
    "meetings.closed": ("Meeting closed: snapshot v{version}. Its actions carry to the next meeting.",
                        "Заседание закрыто: снимок v{version}. Его поручения переходят к следующему заседанию."),
    "meetings.newer_data": ("The figures changed since the meeting was opened (snapshot v{reviewed}); these are "
                            "snapshot v{version}'s.",
                            "Данные изменились после открытия заседания (снимок v{reviewed}); здесь данные снимка "
                            "v{version}."),
    # the Actions page
    "actions.question": ("What did the committee decide, and who does what by when?",
                         "Что решил комитет и кто что делает к какому сроку?"),
    "actions.no_meetings": ("No meeting has been recorded yet. An editor opens one in Meeting mode; its decisions "
                            "and action points then show here.",
                            "Заседаний ещё не записано. Редактор открывает заседание в режиме заседания; его "
                            "решения и поручения появятся здесь."),
    "actions.owner": ("Owner", "Ответственный"),
    "actions.everyone": ("everyone", "все"),
    "actions.status": ("Status", "Статус"),
    "actions.meeting": ("Meeting", "Заседание"),
    "actions.every_meeting": ("every meeting", "все заседания"),
    "actions.heading": ("Action points", "Поручения"),
    "actions.count": ("{count} action points, {overdue} overdue on {today}; overdue first, then by due date.",
                      "Поручений: {count}, просрочено на {today}: {overdue}; сначала просроченные, затем по сроку."),
    "actions.none": ("No action points with these filters.", "Поручений с такими фильтрами нет."),
    "actions.overdue": ("overdue", "просрочено"),
    "actions.mark": ("**Update an action point**", "**Изменить статус поручения**"),
    "actions.which": ("Action point", "Поручение"),
    "actions.save": ("Save", "Сохранить"),
    "actions.saved": ("Action point #{number} updated: snapshot v{version}.",
                      "Поручение № {number} изменено: снимок v{version}."),
    "actions.decisions": ("Decisions", "Решения"),
    "actions.no_decisions": ("No decisions recorded in this meeting.", "Решений на этом заседании не записано."),
    "actions.meetings": ("Meetings", "Заседания"),
    "actions.closed": ("closed", "закрыто"),
    "actions.open_now": ("open", "открыто"),
    "actions.download": ("Actions and decisions (XLSX)", "Поручения и решения (XLSX)"),
    "actions.not_filtered": ("The committee's decisions and actions are listed whatever the filters; "
                             "each note is shown as written, in the language it was written in.",
                             "Решения и поручения комитета показаны независимо от фильтров; каждая заметка — "
                             "так, как записана, на языке записи."),
    "actions.in_session": ("In session now: **{title}** ({day}).", "Идёт заседание: **{title}** ({day})."),
    # the Overview, since the last meeting
    "overview.since_meeting": ("Since the last meeting", "После прошлого заседания"),
    "overview.since_meeting_caption": ("**{title}** ({day}) reviewed snapshot v{version}: the figures that moved "
                                       "since, and the actions due.",
                                       "**{title}** ({day}) рассматривало снимок v{version}: какие данные "
                                       "изменились с тех пор и какие поручения ждут выполнения."),
    "overview.actions_due": ("Open action points", "Открытые поручения"),
    "overview.no_actions_due": ("No open action points.", "Открытых поручений нет."),
    "overview.all_actions": ("All decisions and actions", "Все решения и поручения"),
}
