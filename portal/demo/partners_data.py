"""Demo data: institutions that help foreigners in Wielkopolska.

Every entry here is ILLUSTRATIVE: a made-up example of a kind of institution that exists, so the page and the
filters can be seen. The addresses are placeholders and there are no phone numbers, so nobody is sent to a real
door or line by mistake; `is_illustrative` makes the site and the admin say so. Editors replace them with real,
checked institutions before publishing the site.
"""

from typing import Any

TOPICS: list[dict[str, Any]] = [
    {
        "code": "legal-advice",
        "name": {
            "pl": "bezpłatna pomoc prawna",
            "en": "free legal advice",
            "uk": "безоплатна правова допомога",
            "ru": "бесплатная юридическая помощь",
        },
    },
    {
        "code": "language-courses",
        "name": {
            "pl": "kursy języka polskiego",
            "en": "Polish courses",
            "uk": "курси польської мови",
            "ru": "курсы польского языка",
        },
    },
    {
        "code": "integration",
        "name": {"pl": "integracja", "en": "integration", "uk": "інтеграція", "ru": "интеграция"},
    },
    {
        "code": "psychological-help",
        "name": {
            "pl": "pomoc psychologiczna",
            "en": "psychological help",
            "uk": "психологічна допомога",
            "ru": "психологическая помощь",
        },
    },
    {
        "code": "work",
        "name": {"pl": "praca", "en": "work", "uk": "робота", "ru": "работа"},
    },
    {
        "code": "health-insurance",
        "name": {
            "pl": "ubezpieczenie zdrowotne",
            "en": "health insurance",
            "uk": "медичне страхування",
            "ru": "медицинское страхование",
        },
    },
]

WEEKDAYS_9_17 = {
    "pl": "poniedziałek–piątek 9:00–17:00",
    "en": "Monday–Friday 9:00–17:00",
    "uk": "понеділок–п'ятниця 9:00–17:00",
    "ru": "понедельник–пятница 9:00–17:00",
}
BY_APPOINTMENT = {
    "pl": "po wcześniejszym umówieniu się e-mailem",
    "en": "by appointment, made by e-mail",
    "uk": "за попереднім записом електронною поштою",
    "ru": "по предварительной записи по электронной почте",
}


def partner(slug, city, postal_code, topics, languages, name, description, hours=WEEKDAYS_9_17) -> dict:
    return {
        "slug": slug,
        "city": city,
        "postal_code": postal_code,
        "street": "ul. Przykładowa 1",
        "email": f"{slug}@example.org",
        "topics": topics,
        "languages": languages,
        "name": name,
        "description": description,
        "opening_hours": hours,
    }


PARTNERS: list[dict[str, Any]] = [
    partner(
        "free-legal-aid-point-poznan",
        "Poznań",
        "61-001",
        ["legal-advice"],
        ["pl", "en", "uk"],
        {
            "pl": "Punkt nieodpłatnej pomocy prawnej (przykład)",
            "en": "Free legal aid point (example)",
            "uk": "Пункт безоплатної правової допомоги (приклад)",
            "ru": "Пункт бесплатной юридической помощи (пример)",
        },
        {
            "pl": "Punkty nieodpłatnej pomocy prawnej prowadzą powiaty. Skorzysta z nich każdy, kto oświadczy, że nie "
            "stać go na odpłatną pomoc prawnika. Prawnik wyjaśni pismo z urzędu i pomoże przygotować odwołanie.",
            "en": "Free legal aid points are run by the districts (powiaty). Anyone who declares that they cannot "
            "afford a lawyer may use them. A lawyer explains a letter from an office and helps prepare an appeal.",
            "uk": "Пункти безоплатної правової допомоги працюють при повітах. Ними може скористатися кожен, хто "
            "заявить, що не може оплатити послуги юриста. Юрист пояснить лист з установи та допоможе підготувати "
            "апеляцію.",
            "ru": "Пункты бесплатной юридической помощи работают при повятах. Ими может воспользоваться каждый, кто "
            "заявит, что не может оплатить услуги юриста. Юрист объяснит письмо из учреждения и поможет "
            "подготовить апелляцию.",
        },
    ),
    partner(
        "migrant-legal-clinic-poznan",
        "Poznań",
        "61-002",
        ["legal-advice", "integration"],
        ["pl", "en", "ru"],
        {
            "pl": "Klinika prawa dla migrantów (przykład)",
            "en": "Legal clinic for migrants (example)",
            "uk": "Юридична клініка для мігрантів (приклад)",
            "ru": "Юридическая клиника для мигрантов (пример)",
        },
        {
            "pl": "Studenci prawa pod opieką wykładowców bezpłatnie pomagają w sprawach pobytowych: wyjaśniają "
            "procedury i pomagają wypełnić wniosek w MOS.",
            "en": "Law students supervised by lecturers help free of charge with residence matters: they explain "
            "procedures and help fill in the application in MOS.",
            "uk": "Студенти-правники під наглядом викладачів безоплатно допомагають у справах перебування: "
            "пояснюють процедури та допомагають заповнити заяву в MOS.",
            "ru": "Студенты-юристы под руководством преподавателей бесплатно помогают в делах о пребывании: "
            "объясняют процедуры и помогают заполнить заявление в MOS.",
        },
        BY_APPOINTMENT,
    ),
    partner(
        "integration-centre-poznan",
        "Poznań",
        "61-003",
        ["integration", "language-courses", "work"],
        ["pl", "en", "uk", "ru"],
        {
            "pl": "Centrum integracji cudzoziemców (przykład)",
            "en": "Integration centre for foreigners (example)",
            "uk": "Центр інтеграції іноземців (приклад)",
            "ru": "Центр интеграции иностранцев (пример)",
        },
        {
            "pl": "Doradztwo w sprawach codziennych: meldunek, szkoła dla dzieci, konto w banku. Bezpłatne kursy "
            "polskiego i spotkania z doradcą zawodowym.",
            "en": "Advice on everyday matters: registering your address, school for children, a bank account. Free "
            "Polish courses and meetings with a careers adviser.",
            "uk": "Консультації з побутових питань: реєстрація місця проживання, школа для дітей, банківський "
            "рахунок. Безоплатні курси польської та зустрічі з кар'єрним консультантом.",
            "ru": "Консультации по бытовым вопросам: регистрация по месту жительства, школа для детей, банковский "
            "счёт. Бесплатные курсы польского и встречи с карьерным консультантом.",
        },
    ),
    partner(
        "polish-courses-poznan",
        "Poznań",
        "61-004",
        ["language-courses"],
        ["pl", "en", "uk"],
        {
            "pl": "Bezpłatne kursy języka polskiego (przykład)",
            "en": "Free Polish language courses (example)",
            "uk": "Безоплатні курси польської мови (приклад)",
            "ru": "Бесплатные курсы польского языка (пример)",
        },
        {
            "pl": "Wieczorowe kursy polskiego od poziomu A1 do B1, w małych grupach. Zapisy na początku każdego "
            "semestru.",
            "en": "Evening Polish courses from level A1 to B1, in small groups. Enrolment at the start of each term.",
            "uk": "Вечірні курси польської від рівня A1 до B1 у малих групах. Запис на початку кожного семестру.",
            "ru": "Вечерние курсы польского от уровня A1 до B1 в небольших группах. Запись в начале каждого семестра.",
        },
        {
            "pl": "wtorek i czwartek 17:30–19:30",
            "en": "Tuesday and Thursday 17:30–19:30",
            "uk": "вівторок і четвер 17:30–19:30",
            "ru": "вторник и четверг 17:30–19:30",
        },
    ),
    partner(
        "psychological-support-poznan",
        "Poznań",
        "61-005",
        ["psychological-help"],
        ["pl", "uk", "ru"],
        {
            "pl": "Wsparcie psychologiczne dla migrantów (przykład)",
            "en": "Psychological support for migrants (example)",
            "uk": "Психологічна підтримка для мігрантів (приклад)",
            "ru": "Психологическая поддержка для мигрантов (пример)",
        },
        {
            "pl": "Bezpłatne rozmowy z psychologiem, także po ukraińsku i rosyjsku. W nagłym kryzysie dzwoń pod "
            "numer alarmowy 112.",
            "en": "Free conversations with a psychologist, also in Ukrainian and Russian. In an acute crisis call "
            "the emergency number 112.",
            "uk": "Безоплатні розмови з психологом, зокрема українською та російською. У гострій кризі телефонуйте "
            "за номером екстреної допомоги 112.",
            "ru": "Бесплатные беседы с психологом, в том числе на украинском и русском. В остром кризисе звоните "
            "по номеру экстренной помощи 112.",
        },
        BY_APPOINTMENT,
    ),
    partner(
        "labour-office-advice-poznan",
        "Poznań",
        "61-006",
        ["work"],
        ["pl", "en", "uk"],
        {
            "pl": "Doradztwo zawodowe dla cudzoziemców w urzędzie pracy (przykład)",
            "en": "Careers advice for foreigners at the labour office (example)",
            "uk": "Профорієнтаційні консультації для іноземців у центрі зайнятості (приклад)",
            "ru": "Профориентационные консультации для иностранцев в бюро труда (пример)",
        },
        {
            "pl": "Powiatowe urzędy pracy pomagają szukać pracy i przyjmują powiadomienia o powierzeniu pracy "
            "obywatelom Ukrainy. Doradca wyjaśni, jakich dokumentów potrzebuje pracodawca.",
            "en": "District labour offices help you look for work and receive the notifications of work entrusted to "
            "citizens of Ukraine. An adviser explains which documents the employer needs.",
            "uk": "Повітові центри зайнятості допомагають шукати роботу та приймають повідомлення про доручення "
            "роботи громадянам України. Консультант пояснить, які документи потрібні роботодавцю.",
            "ru": "Повятовые бюро труда помогают искать работу и принимают уведомления о поручении работы "
            "гражданам Украины. Консультант объяснит, какие документы нужны работодателю.",
        },
    ),
    partner(
        "health-insurance-advice-poznan",
        "Poznań",
        "61-007",
        ["health-insurance"],
        ["pl", "en"],
        {
            "pl": "Informacja o ubezpieczeniu zdrowotnym (przykład)",
            "en": "Health insurance information desk (example)",
            "uk": "Інформація про медичне страхування (приклад)",
            "ru": "Информация о медицинском страховании (пример)",
        },
        {
            "pl": "Wyjaśniamy, kiedy jesteś ubezpieczony przez pracodawcę, jak ubezpieczyć się dobrowolnie w NFZ i "
            "jak zgłosić do ubezpieczenia członków rodziny.",
            "en": "We explain when your employer insures you, how to take out voluntary insurance with the NFZ, and "
            "how to add family members to your insurance.",
            "uk": "Пояснюємо, коли вас страхує роботодавець, як добровільно застрахуватися в NFZ і як додати до "
            "страхування членів сім'ї.",
            "ru": "Объясняем, когда вас страхует работодатель, как добровольно застраховаться в NFZ и как добавить "
            "к страхованию членов семьи.",
        },
    ),
    partner(
        "integration-point-kalisz",
        "Kalisz",
        "62-800",
        ["integration", "language-courses"],
        ["pl", "uk"],
        {
            "pl": "Punkt integracyjny w Kaliszu (przykład)",
            "en": "Integration point in Kalisz (example)",
            "uk": "Інтеграційний пункт у Каліші (приклад)",
            "ru": "Интеграционный пункт в Калише (пример)",
        },
        {
            "pl": "Pomoc w sprawach codziennych i kursy polskiego dla dorosłych. Dyżury po ukraińsku.",
            "en": "Help with everyday matters and Polish courses for adults. Hours with a Ukrainian speaker.",
            "uk": "Допомога в побутових справах і курси польської для дорослих. Чергування українською.",
            "ru": "Помощь в бытовых вопросах и курсы польского для взрослых. Дежурства на украинском.",
        },
    ),
    partner(
        "free-legal-aid-point-konin",
        "Konin",
        "62-500",
        ["legal-advice"],
        ["pl"],
        {
            "pl": "Punkt nieodpłatnej pomocy prawnej w Koninie (przykład)",
            "en": "Free legal aid point in Konin (example)",
            "uk": "Пункт безоплатної правової допомоги в Коніні (приклад)",
            "ru": "Пункт бесплатной юридической помощи в Конине (пример)",
        },
        {
            "pl": "Porady prawne dla osób, których nie stać na prawnika. Przyjdź z tłumaczem, jeśli nie mówisz po "
            "polsku.",
            "en": "Legal advice for people who cannot afford a lawyer. Bring an interpreter if you do not speak "
            "Polish.",
            "uk": "Правові консультації для людей, які не можуть оплатити юриста. Візьміть перекладача, якщо не "
            "говорите польською.",
            "ru": "Юридические консультации для людей, которые не могут оплатить юриста. Возьмите переводчика, если "
            "не говорите по-польски.",
        },
    ),
    partner(
        "migrant-support-leszno",
        "Leszno",
        "64-100",
        ["integration", "work", "psychological-help"],
        ["pl", "uk", "ru"],
        {
            "pl": "Stowarzyszenie wsparcia migrantów w Lesznie (przykład)",
            "en": "Migrant support association in Leszno (example)",
            "uk": "Асоціація підтримки мігрантів у Лєшні (приклад)",
            "ru": "Ассоциация поддержки мигрантов в Лешно (пример)",
        },
        {
            "pl": "Wolontariusze pomagają znaleźć pracę i mieszkanie, a raz w tygodniu dyżuruje psycholog.",
            "en": "Volunteers help you find work and housing, and a psychologist is available once a week.",
            "uk": "Волонтери допомагають знайти роботу та житло, а раз на тиждень чергує психолог.",
            "ru": "Волонтёры помогают найти работу и жильё, а раз в неделю дежурит психолог.",
        },
    ),
    partner(
        "polish-courses-pila",
        "Piła",
        "64-920",
        ["language-courses", "integration"],
        ["pl", "en", "uk", "ru"],
        {
            "pl": "Kursy polskiego w bibliotece w Pile (przykład)",
            "en": "Polish courses at the library in Piła (example)",
            "uk": "Курси польської в бібліотеці в Пілі (приклад)",
            "ru": "Курсы польского в библиотеке в Пиле (пример)",
        },
        {
            "pl": "Bezpłatne konwersacje po polsku i klub dla rodzin z dziećmi.",
            "en": "Free Polish conversation groups and a club for families with children.",
            "uk": "Безоплатні розмовні групи польською та клуб для сімей з дітьми.",
            "ru": "Бесплатные разговорные группы на польском и клуб для семей с детьми.",
        },
        {
            "pl": "środa 16:00–18:00",
            "en": "Wednesday 16:00–18:00",
            "uk": "середа 16:00–18:00",
            "ru": "среда 16:00–18:00",
        },
    ),
]
