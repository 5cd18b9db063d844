"""Demo data: the life situations that group the guides.

`order` puts the groups people need most often first on the guides list: work, then the residence card and
appeals (a card to replace or a refusal to answer are urgent), then citizens of Ukraine and the other permits.
"""

from typing import Any

# A category without an `order` is listed after the ranked ones, in the order of this list.
UNRANKED_ORDER = 100

CATEGORIES: list[dict[str, Any]] = [
    {
        "slug": "work",
        "order": 10,
        "name": {"pl": "Praca", "en": "Work", "uk": "Робота", "ru": "Работа"},
        "description": {
            "pl": "Pobyt w Polsce w celu wykonywania pracy, także jako wysoko wykwalifikowany pracownik.",
            "en": "Staying in Poland to work, including as a highly qualified worker.",
            "uk": "Перебування в Польщі з метою роботи, зокрема як висококваліфікований працівник.",
            "ru": "Пребывание в Польше с целью работы, в том числе как высококвалифицированный работник.",
        },
    },
    {
        "slug": "study",
        "order": 50,
        "name": {"pl": "Studia", "en": "Studies", "uk": "Навчання", "ru": "Учёба"},
        "description": {
            "pl": "Pobyt w celu odbywania studiów w Polsce.",
            "en": "Staying in Poland to study at a university.",
            "uk": "Перебування в Польщі з метою навчання в університеті.",
            "ru": "Пребывание в Польше с целью учёбы в университете.",
        },
    },
    {
        "slug": "family",
        "order": 60,
        "name": {"pl": "Rodzina", "en": "Family", "uk": "Сім'я", "ru": "Семья"},
        "description": {
            "pl": "Pobyt w celu połączenia z rodziną mieszkającą w Polsce.",
            "en": "Joining family members who live in Poland.",
            "uk": "Возз'єднання з членами сім'ї, які проживають у Польщі.",
            "ru": "Воссоединение с членами семьи, которые живут в Польше.",
        },
    },
    {
        "slug": "business",
        "order": 70,
        "name": {
            "pl": "Działalność gospodarcza",
            "en": "Business",
            "uk": "Підприємницька діяльність",
            "ru": "Предпринимательская деятельность",
        },
        "description": {
            "pl": "Pobyt w celu prowadzenia firmy w Polsce.",
            "en": "Staying in Poland to run a business.",
            "uk": "Перебування в Польщі з метою ведення бізнесу.",
            "ru": "Пребывание в Польше с целью ведения бизнеса.",
        },
    },
    {
        "slug": "permanent-stay",
        "order": 80,
        "name": {
            "pl": "Pobyt stały",
            "en": "Permanent residence",
            "uk": "Постійне проживання",
            "ru": "Постоянное пребывание",
        },
        "description": {
            "pl": "Zezwolenie na pobyt stały: dla kogo i jak je uzyskać.",
            "en": "The permanent residence permit: who can get it and how.",
            "uk": "Дозвіл на постійне проживання: хто може його отримати і як.",
            "ru": "Разрешение на постоянное пребывание: кто может его получить и как.",
        },
    },
    {
        "slug": "eu-long-term",
        "order": 90,
        "name": {
            "pl": "Rezydent długoterminowy UE",
            "en": "EU long-term resident",
            "uk": "Довгостроковий резидент ЄС",
            "ru": "Долгосрочный резидент ЕС",
        },
        "description": {
            "pl": "Zezwolenie na pobyt rezydenta długoterminowego UE po latach legalnego pobytu.",
            "en": "The EU long-term resident permit after years of legal residence.",
            "uk": "Дозвіл на проживання довгострокового резидента ЄС після років легального перебування.",
            "ru": "Разрешение на пребывание долгосрочного резидента ЕС после лет легального пребывания.",
        },
    },
    {
        "slug": "residence-card",
        "order": 20,
        "name": {"pl": "Karta pobytu", "en": "Residence card", "uk": "Карта побиту", "ru": "Карта побыту"},
        "description": {
            "pl": "Wymiana, utrata i odbiór karty pobytu.",
            "en": "Replacing, losing and collecting a residence card.",
            "uk": "Обмін, втрата та отримання карти побиту.",
            "ru": "Замена, утрата и получение карты побыту.",
        },
    },
    {
        "slug": "ukraine",
        "order": 40,
        "name": {
            "pl": "Obywatele Ukrainy",
            "en": "Citizens of Ukraine",
            "uk": "Громадяни України",
            "ru": "Граждане Украины",
        },
        "description": {
            "pl": "Ochrona czasowa, status UKR i karta pobytu CUKR.",
            "en": "Temporary protection, UKR status and the CUKR residence card.",
            "uk": "Тимчасовий захист, статус UKR і карта побиту CUKR.",
            "ru": "Временная защита, статус UKR и карта побыту CUKR.",
        },
    },
    {
        "slug": "decisions-and-appeals",
        "order": 30,
        "name": {
            "pl": "Decyzje i odwołania",
            "en": "Decisions and appeals",
            "uk": "Рішення та апеляції",
            "ru": "Решения и апелляции",
        },
        "description": {
            "pl": "Co zrobić, gdy nie zgadzasz się z decyzją albo sprawa trwa zbyt długo.",
            "en": "What to do if you disagree with a decision or your case takes too long.",
            "uk": "Що робити, якщо ви не згодні з рішенням або справа триває надто довго.",
            "ru": "Что делать, если вы не согласны с решением или дело длится слишком долго.",
        },
    },
    {
        "slug": "visas-and-invitations",
        "name": {
            "pl": "Wizy i zaproszenia",
            "en": "Visas and invitations",
            "uk": "Візи та запрошення",
            "ru": "Визы и приглашения",
        },
        "description": {
            "pl": "Przedłużenie wizy lub pobytu bezwizowego i zaproszenie dla cudzoziemca.",
            "en": "Extending a visa or a visa-free stay, and inviting a foreigner.",
            "uk": "Продовження візи або безвізового перебування та запрошення для іноземця.",
            "ru": "Продление визы или безвизового пребывания и приглашение для иностранца.",
        },
    },
    {
        "slug": "eu-citizens",
        "name": {
            "pl": "Obywatele UE i ich rodziny",
            "en": "EU citizens and their families",
            "uk": "Громадяни ЄС та їхні сім'ї",
            "ru": "Граждане ЕС и их семьи",
        },
        "description": {
            "pl": "Rejestracja pobytu obywatela UE i karta pobytu członka rodziny obywatela UE.",
            "en": "Registering an EU citizen's stay and the residence card of an EU citizen's family member.",
            "uk": "Реєстрація перебування громадянина ЄС і карта побиту члена сім'ї громадянина ЄС.",
            "ru": "Регистрация пребывания гражданина ЕС и карта побыту члена семьи гражданина ЕС.",
        },
    },
    {
        "slug": "protection",
        "name": {
            "pl": "Ochrona i pobyt humanitarny",
            "en": "Protection and humanitarian stay",
            "uk": "Захист і гуманітарне перебування",
            "ru": "Защита и гуманитарное пребывание",
        },
        "description": {
            "pl": (
                "Gdzie ubiegać się o ochronę międzynarodową i co u wojewody załatwiają osoby z pobytem "
                "humanitarnym lub tolerowanym."
            ),
            "en": (
                "Where to seek international protection, and what people with humanitarian or tolerated "
                "stay handle at the voivode's office."
            ),
            "uk": (
                "Де звертатися по міжнародний захист і які справи у воєводи вирішують особи з гуманітарним "
                "або толерованим перебуванням."
            ),
            "ru": (
                "Куда обращаться за международной защитой и какие дела у воеводы решают лица с гуманитарным "
                "или толерантным пребыванием."
            ),
        },
    },
    {
        "slug": "documents-and-certificates",
        "name": {
            "pl": "Dokumenty i zaświadczenia",
            "en": "Documents and certificates",
            "uk": "Документи та довідки",
            "ru": "Документы и справки",
        },
        "description": {
            "pl": "Polski dokument podróży i dokument tożsamości cudzoziemca oraz zaświadczenia wydawane przez urząd.",
            "en": "The Polish travel and identity documents for foreigners, and certificates the office issues.",
            "uk": (
                "Польський проїзний документ і документ, що посвідчує особу іноземця, та довідки, які видає управління."
            ),
            "ru": (
                "Польский проездной документ и документ, удостоверяющий личность иностранца, и справки, "
                "которые выдаёт управление."
            ),
        },
    },
    {
        "slug": "before-you-apply",
        "name": {
            "pl": "Przed złożeniem wniosku",
            "en": "Before you apply",
            "uk": "Перед поданням заяви",
            "ru": "Перед подачей заявления",
        },
        "description": {
            "pl": "PESEL, profil zaufany, podpis elektroniczny, tłumaczenia przysięgłe, apostille.",
            "en": "PESEL, trusted profile, electronic signature, sworn translations, apostille.",
            "uk": "PESEL, довірений профіль, електронний підпис, присяжні переклади, апостиль.",
            "ru": "PESEL, доверенный профиль, электронная подпись, присяжные переводы, апостиль.",
        },
    },
]
