"""The shipped dataset's own words in Russian: the categories, units, period names and notes the team
wrote when it took the figures from the documents (``data/*/*.csv``). A Russian reader reads them in
Russian; the documents' names, quotes and titles stay as the documents write them. A word a user
loads is shown as loaded (``dataset_word`` gives it back), in whatever language it was written.
A test checks that every such word of the shipped data is here."""

# The columns whose values are the team's words (categories, units, notes), not the documents'.
WORDED_BY_THE_TEAM = ("component", "channel", "unit", "basis", "note", "phase", "period_label", "label")

RUSSIAN: dict[str, str] = {
    # reach components and campaign channels
    "small grants": "малые гранты",
    "online conference": "онлайн-конференция",
    "social and mass media": "социальные сети и СМИ",
    "social media": "социальные сети",
    "social media (Instagram, Twitter, Facebook, YouTube)": "социальные сети (Instagram, Twitter, Facebook, YouTube)",
    # periods and phases
    "Phase I": "Фаза I",
    "Phase I (2020–2022)": "Фаза I (2020–2022)",
    "Oct–Dec 2020": "октябрь–декабрь 2020",
    "Jan–Mar 2021": "январь–март 2021",
    "Phase 1 budget": "бюджет фазы 1",
    # units of indicators
    "people": "человек",
    "campaigns": "кампаний",
    "media stories/reports": "материалов в СМИ",
    "communities": "сообществ",
    "champions": "лидеров перемен",
    "families": "семей",
    "villages": "сёл",
    "villagers": "жителей сёл",
    "partners": "партнёров",
    "government officials": "государственных служащих",
    "IMWG members": "членов МРГ",
    "policymakers": "лиц, принимающих решения",
    "media outlets": "СМИ",
    "private sector representatives": "представителей частного сектора",
    "CEC advisors": "советников ЦИК",
    "Percent": "процент",
    # notes on reach figures
    "TOTAL row of the table": "строка TOTAL (итог) таблицы",
    "stated as 4.4 million; comment column: Reached via social media channels and mass media":
        "указано как 4,4 млн; столбец комментариев: охват через социальные сети и СМИ",
    "stated as 1.4 million; the row has an empty first cell after a page break and is attributed to Men (18 yrs. "
    "and above) by its position in the table":
        "указано как 1,4 млн; первая ячейка строки после разрыва страницы пуста, строка отнесена к мужчинам "
        "(18 лет и старше) по её месту в таблице",
    "row has an empty first cell after a page break; attributed to Men (18 yrs. and above) by its position in the "
    "table (uncertain). The matching direct figure for women online conference participants is missing from the "
    "text extraction and is not recorded":
        "первая ячейка строки после разрыва страницы пуста; строка отнесена к мужчинам (18 лет и старше) по её "
        "месту в таблице (не наверняка). Соответствующая цифра прямого охвата женщин — участниц онлайн-конференции "
        "в извлечённом тексте отсутствует и не записана",
    # notes on indicator values
    "stated as 5.9 million": "указано как 5,9 млн",
    "reported for the first quarter of 2021": "за первый квартал 2021 года",
    "UN Women Kyrgyzstan outcome; the document does not say this figure comes from the Spotlight Initiative "
    "programme":
        "результат ООН-Женщины в Кыргызстане; документ не говорит, что эта цифра относится к программе "
        "Инициативы «Луч света»",
    "a total by end of December 2021; UN Women Kyrgyzstan outcome; the document does not say this figure comes "
    "from the Spotlight Initiative programme":
        "итог на конец декабря 2021 года; результат ООН-Женщины в Кыргызстане; документ не говорит, что эта цифра "
        "относится к программе Инициативы «Луч света»",
    'stated in words ("three"); UN Women Kyrgyzstan outcome; the document does not say this figure comes from the '
    "Spotlight Initiative programme":
        "указано словами («три»); результат ООН-Женщины в Кыргызстане; документ не говорит, что эта цифра "
        "относится к программе Инициативы «Луч света»",
    # notes on grants
    "CSOs in the Justification Note signed by the UN Women Representative in Kazakhstan; its country breakdown "
    "(5+3+4) names no Tajikistan CSO, while the list of approved grantees names 3 in Tajikistan (15 in all)":
        "ОГО по обоснованию, подписанному представителем ООН-Женщины в Казахстане; его разбивка по странам "
        "(5+3+4) не называет ни одной ОГО Таджикистана, тогда как список одобренных грантополучателей называет 3 "
        "в Таджикистане (всего 15)",
    "per the Justification Note (12 CSOs)": "по обоснованию (12 ОГО)",
    "CSOs supported under the small grants component (Lessons Learned section); differs from the 12 CSOs of the "
    "Justification Note":
        "ОГО, поддержанные по компоненту малых грантов (раздел «Извлечённые уроки»); расходится с 12 ОГО "
        "обоснования",
    "as per the UN Women Small Grants Policy": "согласно политике ООН-Женщины о малых грантах",
    "approved grantee for the small grants award; focus: service provision and social norms change advocacy "
    "campaigns":
        "одобренный получатель малого гранта; направления: оказание услуг и кампании за изменение социальных норм",
    "approved grantee for the small grants award; focus: service provision, social norms change advocacy campaigns":
        "одобренный получатель малого гранта; направления: оказание услуг, кампании за изменение социальных норм",
    "approved grantee for the small grants award; focus: service provision, awareness-raising campaigns, internal "
    "capacity-building training":
        "одобренный получатель малого гранта; направления: оказание услуг, информационные кампании, внутреннее "
        "обучение для укрепления потенциала",
    "approved grantee for the small grants award; focus: monitoring of social media, service provision and "
    "awareness-raising campaigns":
        "одобренный получатель малого гранта; направления: мониторинг социальных сетей, оказание услуг и "
        "информационные кампании",
    "approved grantee for the small grants award; focus: awareness-raising campaigns and internal capacity-building "
    "training":
        "одобренный получатель малого гранта; направления: информационные кампании и внутреннее обучение для "
        "укрепления потенциала",
    "approved grantee for the small grants award; focus: service provision, awareness-raising campaigns and "
    "internal capacitybuilding training":
        "одобренный получатель малого гранта; направления: оказание услуг, информационные кампании и внутреннее "
        "обучение для укрепления потенциала",
    "approved grantee for the small grants award; focus: service provision, awareness-raising campaigns, internal "
    "capacity-building training, monitoring and advocating for progress in cases of sexual harassment and violence":
        "одобренный получатель малого гранта; направления: оказание услуг, информационные кампании, внутреннее "
        "обучение для укрепления потенциала, мониторинг и продвижение дел о сексуальных домогательствах и насилии",
    "approved grantee for the small grants award; focus: service provision, awareness-raising campaigns and "
    "internal capacity-building training":
        "одобренный получатель малого гранта; направления: оказание услуг, информационные кампании и внутреннее "
        "обучение для укрепления потенциала",
    "approved grantee for the small grants award; focus: service provision and awareness-raising campaigns":
        "одобренный получатель малого гранта; направления: оказание услуг и информационные кампании",
    # notes on events
    "The brief describes this as an online consultation of Civil Society Organisations from Central Asia on a "
    "common vision and priorities for the Generation Equality Forum and its Action Coalitions, one of the CSO-led "
    "sub-regional consultations held with the support of UN Women's Regional Office for Europe and Central Asia and "
    "Women Engage for a Common Future (WECF); the brief does not mention the Spotlight Initiative. The country rows "
    "add up to fewer participants than the total: 31+9+33+2+13 = 88 participants against 94 (6 not assigned to a "
    "country); youth 11+4+12+1 = 28 for the four countries given as counts (30 if Turkmenistan's 100% of 2 is "
    "counted) against 35. The brief gives no figures for Afghanistan.":
        "Записка описывает это как онлайн-консультацию организаций гражданского общества Центральной Азии об общем "
        "видении и приоритетах для Форума «Поколение равенства» и его коалиций действий — одну из субрегиональных "
        "консультаций под руководством ОГО при поддержке Регионального бюро ООН-Женщины для Европы и Центральной "
        "Азии и Women Engage for a Common Future (WECF); Инициатива «Луч света» в записке не упоминается. Строки "
        "стран дают меньше участников, чем итог: 31+9+33+2+13 = 88 участников против 94 (6 не отнесены ни к одной "
        "стране); молодёжь 11+4+12+1 = 28 по четырём странам, данным числом (30, если считать 100 % от 2 "
        "Туркменистана), против 35. Цифр по Афганистану в записке нет.",
    "The brief gives the youth share as 33%, but 11 of 31 is 35%.":
        "Записка даёт долю молодёжи 33 %, но 11 из 31 — это 35 %.",
    'The brief gives youth only as "100% of representatives of youth organisations", not as a count, so '
    "youth_participants is left empty (100% of 2 would be 2).":
        "Записка даёт молодёжь только как «100 % представителей молодёжных организаций», а не числом, поэтому "
        "youth_participants оставлено пустым (100 % от 2 было бы 2).",
}


def dataset_word(text, lang: str):
    """``text`` in ``lang`` where it is one of the shipped dataset's words; else as it was loaded."""
    if lang == "ru" and isinstance(text, str):
        return RUSSIAN.get(text, text)
    return text
