"""The acts and regulations the site relies on, with the Dziennik Ustaw position of the text the site follows.

`journal` is the position of the consolidated text (tekst jednolity) where one was published, otherwise of the
act as published. `journal_confirmed` is False where only secondary sources gave the position: an editor
confirms it in ISAP and sets the flag. `checked_on` is the day the entry was last compared with its source.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import get_language

# The day the list was compared with the official texts and pages stored for the guides (their `sources`).
CHECKED = date(2026, 11, 25)


@dataclass(frozen=True)
class Act:
    key: str
    kind: str  # "act", "regulation" or "eu"
    polish_title: str
    title: dict[str, str]
    used_for: dict[str, str]
    journal: str  # e.g. "Dz.U. 2025 poz. 1079"; "" when the position is not known yet
    consolidated: bool
    journal_confirmed: bool
    url: str
    checked_on: date = CHECKED

    def in_language(self, field: str, language: str | None = None) -> str:
        texts = getattr(self, field)
        return texts.get((language or get_language() or "pl")[:2]) or texts["en"]

    @property
    def title_here(self) -> str:
        return self.in_language("title")

    @property
    def used_for_here(self) -> str:
        return self.in_language("used_for")


def isap_url(year: int, position: int) -> str:
    """ISAP's page for a Dziennik Ustaw position: the published text and every consolidated version."""
    return f"https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU{year}{position:07d}"


ISAP_SEARCH = "https://isap.sejm.gov.pl/isap.nsf/search.xsp"

ACTS: list[Act] = [
    Act(
        key="foreigners",
        kind="act",
        polish_title="Ustawa z dnia 12 grudnia 2013 r. o cudzoziemcach",
        title={
            "pl": "Ustawa o cudzoziemcach",
            "en": "Act on Foreigners",
            "uk": "Закон про іноземців",
            "ru": "Закон об иностранцах",
        },
        used_for={
            "pl": "Zezwolenia na pobyt czasowy, stały i rezydenta długoterminowego UE, karta pobytu, terminy na "
            "decyzję wojewody, składanie wniosków w MOS.",
            "en": "Temporary, permanent and EU long-term residence permits, the residence card, the voivode's time "
            "limits for decisions, filing applications in MOS.",
            "uk": "Дозволи на тимчасове та постійне проживання і на проживання довгострокового резидента ЄС, карта "
            "побиту, строки для рішення воєводи, подання заяв через MOS.",
            "ru": "Разрешения на временное и постоянное пребывание и на пребывание долгосрочного резидента ЕС, карта "
            "побыту, сроки для решения воеводы, подача заявлений через MOS.",
        },
        journal="Dz.U. 2025 poz. 1079",
        consolidated=True,
        journal_confirmed=False,
        url=isap_url(2025, 1079),
    ),
    Act(
        key="foreigners-mos",
        kind="act",
        polish_title="Ustawa z dnia 21 listopada 2025 r. o zmianie ustawy o cudzoziemcach (Moduł Obsługi Spraw)",
        title={
            "pl": "Nowelizacja ustawy o cudzoziemcach wprowadzająca MOS",
            "en": "Amendment to the Act on Foreigners introducing MOS",
            "uk": "Зміни до Закону про іноземців, що запроваджують MOS",
            "ru": "Поправки к Закону об иностранцах, вводящие MOS",
        },
        used_for={
            "pl": "Wnioski o pobyt składane wyłącznie elektronicznie w MOS, podpis elektroniczny, zaświadczenie "
            "zamiast stempla w paszporcie.",
            "en": "Residence applications filed only online in MOS, the electronic signature, the certificate that "
            "replaces the passport stamp.",
            "uk": "Заяви на проживання лише в електронному вигляді через MOS, електронний підпис, довідка замість "
            "штампа в паспорті.",
            "ru": "Заявления на пребывание только в электронном виде через MOS, электронная подпись, справка "
            "вместо штампа в паспорте.",
        },
        journal="Dz.U. 2025 poz. 1794",
        consolidated=False,
        journal_confirmed=False,
        url=isap_url(2025, 1794),
    ),
    Act(
        key="protection",
        kind="act",
        polish_title="Ustawa z dnia 13 czerwca 2003 r. o udzielaniu cudzoziemcom ochrony na terytorium "
        "Rzeczypospolitej Polskiej",
        title={
            "pl": "Ustawa o udzielaniu cudzoziemcom ochrony",
            "en": "Act on Granting Protection to Foreigners",
            "uk": "Закон про надання іноземцям захисту",
            "ru": "Закон о предоставлении иностранцам защиты",
        },
        used_for={
            "pl": "Ochrona czasowa i PESEL UKR od 5 marca 2026 r., ochrona międzynarodowa (sprawy Urzędu do Spraw "
            "Cudzoziemców, nie wojewody).",
            "en": "Temporary protection and PESEL UKR from 5 March 2026; international protection (handled by the "
            "Office for Foreigners, not the voivode).",
            "uk": "Тимчасовий захист і PESEL UKR з 5 березня 2026 р.; міжнародний захист (ним займається "
            "Управління у справах іноземців, а не воєвода).",
            "ru": "Временная защита и PESEL UKR с 5 марта 2026 г.; международная защита (ею занимается Управление "
            "по делам иностранцев, а не воевода).",
        },
        journal="",
        consolidated=True,
        journal_confirmed=False,
        url=ISAP_SEARCH,
    ),
    Act(
        key="ukraine-special",
        kind="act",
        polish_title="Ustawa z dnia 12 marca 2022 r. o pomocy obywatelom Ukrainy w związku z konfliktem zbrojnym na "
        "terytorium tego państwa (art. 42c w brzmieniu nadanym ustawą z dnia 15 maja 2024 r.)",
        title={
            "pl": "Specustawa o pomocy obywatelom Ukrainy",
            "en": "Special Act on Assistance to Citizens of Ukraine",
            "uk": "Спецзакон про допомогу громадянам України",
            "ru": "Спецзакон о помощи гражданам Украины",
        },
        used_for={
            "pl": "Karta CUKR (art. 42c) oraz zawieszenie terminów na decyzje wojewodów do 4 marca 2026 r. "
            "(art. 100c i 100d).",
            "en": "The CUKR card (art. 42c) and the suspension of the voivodes' time limits until 4 March 2026 "
            "(art. 100c and 100d).",
            "uk": "Карта CUKR (ст. 42c) і зупинення строків для рішень воєвод до 4 березня 2026 р. (ст. 100c і "
            "100d).",
            "ru": "Карта CUKR (ст. 42c) и приостановление сроков для решений воевод до 4 марта 2026 г. (ст. 100c и "
            "100d).",
        },
        journal="Dz.U. 2024 poz. 854",
        consolidated=False,
        journal_confirmed=False,
        url=isap_url(2024, 854),
    ),
    Act(
        key="ukraine-suspension-2025",
        kind="act",
        polish_title="Ustawa z dnia 12 września 2025 r. zmieniająca ustawę o pomocy obywatelom Ukrainy (art. 10: "
        "przedłużenie zawieszenia terminów)",
        title={
            "pl": "Ustawa z 12 września 2025 r. przedłużająca zawieszenie terminów",
            "en": "Act of 12 September 2025 extending the suspension of time limits",
            "uk": "Закон від 12 вересня 2025 р. про продовження зупинення строків",
            "ru": "Закон от 12 сентября 2025 г. о продлении приостановления сроков",
        },
        used_for={
            "pl": "Ostatnie przedłużenie zawieszenia terminów na decyzje wojewodów – do 4 marca 2026 r.",
            "en": "The last extension of the suspension of the voivodes' time limits, until 4 March 2026.",
            "uk": "Останнє продовження зупинення строків для рішень воєвод – до 4 березня 2026 р.",
            "ru": "Последнее продление приостановления сроков для решений воевод – до 4 марта 2026 г.",
        },
        journal="Dz.U. 2025 poz. 1301",
        consolidated=False,
        journal_confirmed=True,
        url=isap_url(2025, 1301),
    ),
    Act(
        key="ukraine-phase-out",
        kind="act",
        polish_title="Ustawa o wygaszeniu rozwiązań wynikających z ustawy o pomocy obywatelom Ukrainy w związku z "
        "konfliktem zbrojnym na terytorium tego państwa oraz o zmianie niektórych innych ustaw",
        title={
            "pl": "Ustawa wygaszająca specustawę ukraińską",
            "en": "Act phasing out the Special Act for Citizens of Ukraine",
            "uk": "Закон про поступове припинення дії спецзакону щодо громадян України",
            "ru": "Закон о поэтапной отмене спецзакона для граждан Украины",
        },
        used_for={
            "pl": "W mocy od 5 marca 2026 r.: legalny pobyt osób objętych ochroną do 4 marca 2027 r., przeniesienie "
            "zasad ochrony czasowej do ustawy o udzielaniu cudzoziemcom ochrony.",
            "en": "In force since 5 March 2026: legal stay of people under protection until 4 March 2027; the "
            "temporary-protection rules move to the Act on Granting Protection to Foreigners.",
            "uk": "Чинний з 5 березня 2026 р.: легальне перебування осіб під захистом до 4 березня 2027 р.; правила "
            "тимчасового захисту перенесено до Закону про надання іноземцям захисту.",
            "ru": "Действует с 5 марта 2026 г.: легальное пребывание лиц под защитой до 4 марта 2027 г.; правила "
            "временной защиты перенесены в Закон о предоставлении иностранцам защиты.",
        },
        journal="",
        consolidated=False,
        journal_confirmed=False,
        url=ISAP_SEARCH,
    ),
    Act(
        key="stamp-duty",
        kind="act",
        polish_title="Ustawa z dnia 16 listopada 2006 r. o opłacie skarbowej",
        title={
            "pl": "Ustawa o opłacie skarbowej",
            "en": "Stamp Duty Act",
            "uk": "Закон про гербовий збір",
            "ru": "Закон о гербовом сборе",
        },
        used_for={
            "pl": "Wysokość opłaty skarbowej za zezwolenia, zaświadczenia i pełnomocnictwo oraz zwolnienia.",
            "en": "The stamp duty for permits, certificates and a power of attorney, and who is exempt.",
            "uk": "Розмір гербового збору за дозволи, довідки й довіреність, а також звільнення від нього.",
            "ru": "Размер гербового сбора за разрешения, справки и доверенность, а также освобождения от него.",
        },
        journal="",
        consolidated=True,
        journal_confirmed=False,
        url=ISAP_SEARCH,
    ),
    Act(
        key="kpa",
        kind="act",
        polish_title="Ustawa z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego",
        title={
            "pl": "Kodeks postępowania administracyjnego (KPA)",
            "en": "Code of Administrative Procedure (KPA)",
            "uk": "Кодекс адміністративного провадження (KPA)",
            "ru": "Кодекс административного производства (KPA)",
        },
        used_for={
            "pl": "Odwołanie (14 dni), zażalenie (7 dni), ponaglenie, wezwanie do uzupełnienia braków, liczenie "
            "terminów.",
            "en": "The appeal (14 days), the zażalenie (7 days), the complaint about delay (ponaglenie), requests to "
            "remedy formal deficiencies, how time limits are counted.",
            "uk": "Оскарження рішення (14 днів), zażalenie (7 днів), скарга на затягування (ponaglenie), вимога "
            "усунути формальні недоліки, обчислення строків.",
            "ru": "Обжалование решения (14 дней), zażalenie (7 дней), жалоба на затягивание (ponaglenie), "
            "требование устранить формальные недостатки, исчисление сроков.",
        },
        journal="Dz.U. 2024 poz. 572",
        consolidated=True,
        journal_confirmed=True,
        url=isap_url(2024, 572),
    ),
    Act(
        key="employment",
        kind="act",
        polish_title="Ustawa z dnia 20 marca 2025 r. o warunkach dopuszczalności powierzania pracy cudzoziemcom na "
        "terytorium Rzeczypospolitej Polskiej",
        title={
            "pl": "Ustawa o warunkach dopuszczalności powierzania pracy cudzoziemcom",
            "en": "Act on the Conditions for Entrusting Work to Foreigners",
            "uk": "Закон про умови допуску іноземців до роботи",
            "ru": "Закон об условиях допуска иностранцев к работе",
        },
        used_for={
            "pl": "Zezwolenia na pracę i oświadczenia (od 1 czerwca 2025 r.), obowiązki pracodawcy, zwolnienia "
            "absolwentów polskich uczelni.",
            "en": "Work permits and declarations of entrusting work (since 1 June 2025), the employer's duties, the "
            "exemption of graduates of Polish universities.",
            "uk": "Дозволи на роботу та заяви про доручення роботи (з 1 червня 2025 р.), обов'язки роботодавця, "
            "звільнення випускників польських вишів.",
            "ru": "Разрешения на работу и заявления о поручении работы (с 1 июня 2025 г.), обязанности "
            "работодателя, освобождение выпускников польских вузов.",
        },
        journal="Dz.U. 2025 poz. 621",
        consolidated=False,
        journal_confirmed=True,
        url=isap_url(2025, 621),
    ),
    Act(
        key="blue-card-2025",
        kind="act",
        polish_title="Ustawa z dnia 24 kwietnia 2025 r. o zmianie niektórych ustaw w związku z wdrożeniem dyrektywy "
        "(UE) 2021/1883 (Niebieska Karta UE)",
        title={
            "pl": "Ustawa wdrażająca nowe zasady Niebieskiej Karty UE",
            "en": "Act implementing the new EU Blue Card rules",
            "uk": "Закон, що запроваджує нові правила Блакитної карти ЄС",
            "ru": "Закон, вводящий новые правила Голубой карты ЕС",
        },
        used_for={
            "pl": "Niebieska Karta UE od 1 czerwca 2025 r.: zmiana pracodawcy, próg wynagrodzenia, mobilność.",
            "en": "The EU Blue Card since 1 June 2025: changing employer, the salary threshold, mobility.",
            "uk": "Блакитна карта ЄС з 1 червня 2025 р.: зміна роботодавця, поріг заробітної плати, мобільність.",
            "ru": "Голубая карта ЕС с 1 июня 2025 г.: смена работодателя, порог зарплаты, мобильность.",
        },
        journal="Dz.U. 2025 poz. 619",
        consolidated=False,
        journal_confirmed=True,
        url=isap_url(2025, 619),
    ),
    Act(
        key="card-fees-regulation",
        kind="regulation",
        polish_title="Rozporządzenie Ministra Spraw Wewnętrznych i Administracji z dnia 26 lipca 2022 r. w sprawie "
        "opłat za wydanie i wymianę dokumentów wydawanych cudzoziemcom",
        title={
            "pl": "Rozporządzenie o opłatach za karty pobytu i inne dokumenty",
            "en": "Regulation on fees for residence cards and other documents",
            "uk": "Розпорядження про плату за карти побиту та інші документи",
            "ru": "Постановление о плате за карты побыту и другие документы",
        },
        used_for={
            "pl": "Opłata 100 zł za wydanie i wymianę karty pobytu, 200 zł i 300 zł za wymianę po utracie z winy "
            "cudzoziemca.",
            "en": "The 100 zł fee for issuing and replacing a residence card; 200 zł and 300 zł for a replacement "
            "after a loss the foreigner caused.",
            "uk": "Плата 100 зл за видачу та обмін карти побиту; 200 зл і 300 зл за обмін після втрати з вини "
            "іноземця.",
            "ru": "Плата 100 зл за выдачу и замену карты побыту; 200 зл и 300 зл за замену после утраты по вине "
            "иностранца.",
        },
        journal="Dz.U. 2022 poz. 1583",
        consolidated=False,
        journal_confirmed=False,
        url=isap_url(2022, 1583),
    ),
    Act(
        key="employer-fees-regulation",
        kind="regulation",
        polish_title="Rozporządzenie Ministra Rodziny, Pracy i Polityki Społecznej z dnia 20 listopada 2025 r. w "
        "sprawie wysokości wpłat dokonywanych w związku ze złożeniem wniosku o wydanie zezwolenia na pracę lub "
        "zezwolenia na pracę sezonową oraz oświadczenia o powierzeniu pracy cudzoziemcowi",
        title={
            "pl": "Rozporządzenie o opłatach pracodawcy",
            "en": "Regulation on the employer's fees",
            "uk": "Розпорядження про внески роботодавця",
            "ru": "Постановление о взносах работодателя",
        },
        used_for={
            "pl": "Opłaty pracodawcy od 1 grudnia 2025 r. za zezwolenia na pracę i oświadczenia.",
            "en": "The employer's fees for work permits and declarations since 1 December 2025.",
            "uk": "Внески роботодавця за дозволи на роботу та заяви з 1 грудня 2025 р.",
            "ru": "Взносы работодателя за разрешения на работу и заявления с 1 декабря 2025 г.",
        },
        journal="Dz.U. 2025 poz. 1622",
        consolidated=False,
        journal_confirmed=True,
        url=isap_url(2025, 1622),
    ),
    Act(
        key="declaration-countries-regulation",
        kind="regulation",
        polish_title="Rozporządzenie Ministra Rodziny, Pracy i Polityki Społecznej z dnia 21 listopada 2025 r. w "
        "sprawie państw, których obywatele mogą wykonywać pracę na podstawie oświadczenia o powierzeniu pracy",
        title={
            "pl": "Rozporządzenie o państwach objętych procedurą oświadczeniową",
            "en": "Regulation on the countries covered by the declaration procedure",
            "uk": "Розпорядження про країни, громадяни яких можуть працювати на підставі заяви",
            "ru": "Постановление о странах, граждане которых могут работать на основании заявления",
        },
        used_for={
            "pl": "Od 1 grudnia 2025 r. oświadczenie tylko dla obywateli Armenii, Białorusi, Mołdawii i Ukrainy.",
            "en": "Since 1 December 2025 the declaration is only for citizens of Armenia, Belarus, Moldova and "
            "Ukraine.",
            "uk": "З 1 грудня 2025 р. заява лише для громадян Вірменії, Білорусі, Молдови та України.",
            "ru": "С 1 декабря 2025 г. заявление только для граждан Армении, Беларуси, Молдовы и Украины.",
        },
        journal="Dz.U. 2025 poz. 1617",
        consolidated=False,
        journal_confirmed=True,
        url=isap_url(2025, 1617),
    ),
    Act(
        key="invitation-regulation",
        kind="regulation",
        polish_title="Rozporządzenie Ministra Spraw Wewnętrznych i Administracji z dnia 16 marca 2023 r. w sprawie "
        "wzoru zaproszenia",
        title={"pl": "Rozporządzenie o wzorze zaproszenia", "en": "Regulation on the invitation form",
               "uk": "Розпорядження про зразок запрошення", "ru": "Постановление об образце приглашения"},
        used_for={
            "pl": "Formularz zaproszenia cudzoziemca wpisywanego do ewidencji zaproszeń przez wojewodę.",
            "en": "The form of the invitation for a foreigner that the voivode enters in the register of invitations.",
            "uk": "Бланк запрошення для іноземця, яке воєвода вносить до реєстру запрошень.",
            "ru": "Бланк приглашения для иностранца, которое воевода вносит в реестр приглашений.",
        },
        journal="Dz.U. 2023 poz. 637",
        consolidated=False,
        journal_confirmed=False,
        url=isap_url(2023, 637),
        checked_on=date(2026, 12, 1),
    ),
    Act(
        key="eu-citizens",
        kind="act",
        polish_title="Ustawa z dnia 14 lipca 2006 r. o wjeździe na terytorium Rzeczypospolitej Polskiej, pobycie "
        "oraz wyjeździe z tego terytorium obywateli państw członkowskich Unii Europejskiej i członków ich rodzin",
        title={"pl": "Ustawa o wjeździe i pobycie obywateli UE i członków ich rodzin",
               "en": "Act on the Entry and Stay of EU Citizens and Their Family Members",
               "uk": "Закон про в'їзд і перебування громадян ЄС та членів їхніх сімей",
               "ru": "Закон о въезде и пребывании граждан ЕС и членов их семей"},
        used_for={
            "pl": "Rejestracja pobytu obywatela UE i karta pobytowa członka rodziny obywatela UE.",
            "en": "Registration of an EU citizen's stay and the residence card of an EU citizen's family member.",
            "uk": "Реєстрація перебування громадянина ЄС і карта перебування члена сім'ї громадянина ЄС.",
            "ru": "Регистрация пребывания гражданина ЕС и карта пребывания члена семьи гражданина ЕС.",
        },
        journal="",
        consolidated=True,
        journal_confirmed=False,
        url=ISAP_SEARCH,
        checked_on=date(2026, 12, 1),
    ),
    Act(
        key="eu-visa-code",
        kind="eu",
        polish_title="Rozporządzenie (WE) nr 810/2009 Parlamentu Europejskiego i Rady – Wspólnotowy Kodeks Wizowy",
        title={"pl": "Wspólnotowy Kodeks Wizowy (rozporządzenie (WE) nr 810/2009)",
               "en": "Community Code on Visas (Regulation (EC) No 810/2009)",
               "uk": "Візовий кодекс Співтовариства (Регламент (ЄС) № 810/2009)",
               "ru": "Визовый кодекс Сообщества (Регламент (ЕС) № 810/2009)"},
        used_for={
            "pl": "Przedłużenie wizy Schengen (art. 33): bez opłaty przy sile wyższej i ze względów humanitarnych, "
            "30 euro z ważnych przyczyn osobistych.",
            "en": "Extending a Schengen visa (art. 33): free for force majeure or humanitarian reasons, 30 euro for "
            "serious personal reasons.",
            "uk": "Продовження шенгенської візи (ст. 33): безкоштовно через форс-мажор або з гуманітарних причин, "
            "30 євро з важливих особистих причин.",
            "ru": "Продление шенгенской визы (ст. 33): бесплатно при форс-мажоре или по гуманитарным причинам, "
            "30 евро по серьёзным личным причинам.",
        },
        journal="",
        consolidated=False,
        journal_confirmed=False,
        url="https://eur-lex.europa.eu/legal-content/PL/TXT/?uri=CELEX:32009R0810",
        checked_on=date(2026, 12, 1),
    ),
    Act(
        key="eu-free-movement",
        kind="eu",
        polish_title="Dyrektywa 2004/38/WE Parlamentu Europejskiego i Rady w sprawie prawa obywateli Unii i członków "
        "ich rodzin do swobodnego przemieszczania się i pobytu",
        title={"pl": "Dyrektywa 2004/38/WE", "en": "Directive 2004/38/EC", "uk": "Директива 2004/38/ЄС",
               "ru": "Директива 2004/38/ЕС"},
        used_for={
            "pl": "Prawo pobytu obywateli UE i członków ich rodzin, na którym opiera się polska ustawa z 2006 r.",
            "en": "The right of residence of EU citizens and their family members, on which the Polish act of 2006 "
            "rests.",
            "uk": "Право на перебування громадян ЄС і членів їхніх сімей, на якому ґрунтується польський закон "
            "2006 р.",
            "ru": "Право на пребывание граждан ЕС и членов их семей, на котором основан польский закон 2006 г.",
        },
        journal="",
        consolidated=False,
        journal_confirmed=False,
        url="https://eur-lex.europa.eu/legal-content/PL/TXT/?uri=CELEX:32004L0038",
        checked_on=date(2026, 12, 1),
    ),
    Act(
        key="eu-temporary-protection",
        kind="eu",
        polish_title="Decyzja wykonawcza Rady (UE) 2025/1460 w sprawie przedłużenia tymczasowej ochrony",
        title={
            "pl": "Decyzja wykonawcza Rady (UE) 2025/1460",
            "en": "Council Implementing Decision (EU) 2025/1460",
            "uk": "Імплементаційне рішення Ради (ЄС) 2025/1460",
            "ru": "Имплементационное решение Совета (ЕС) 2025/1460",
        },
        used_for={
            "pl": "Ochrona czasowa osób z Ukrainy do 4 marca 2027 r.",
            "en": "Temporary protection for people from Ukraine until 4 March 2027.",
            "uk": "Тимчасовий захист осіб з України до 4 березня 2027 р.",
            "ru": "Временная защита лиц из Украины до 4 марта 2027 г.",
        },
        journal="Dz.U. UE L 2025/1460",
        consolidated=False,
        journal_confirmed=True,
        url="https://eur-lex.europa.eu/eli/dec_impl/2025/1460/oj",
    ),
]

_BY_KEY = {entry.key: entry for entry in ACTS}


def act(key: str) -> Act:
    return _BY_KEY[key]
