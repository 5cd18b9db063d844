"""Demo data: notices of the last months (facts as the guides state them, November 2026;
sources in docs/sources.md).

Times are Europe/Warsaw. `scheduled` marks the notice whose publication time lies in the future when the demo is
loaded in late 2026 (the loader keeps it in the future whenever it is loaded).
"""

from typing import Any

ALL_PLACES = ["poznan-foreigners-department", "kalisz-branch-office", "konin-branch-office", "leszno-branch-office"]
ALL_PLACES += ["pila-branch-office"]
PERMIT_GUIDES = [
    "temporary-residence-work",
    "eu-blue-card",
    "temporary-residence-studies",
    "family-reunification",
    "temporary-residence-business",
    "permanent-residence",
    "eu-long-term-residence",
]

NOTICES: list[dict[str, Any]] = [
    {
        "slug": "employer-fees-from-1-december-2025",
        "published_at": "2025-12-01T09:00",
        "importance": "normal",
        "guides": ["temporary-residence-work"],
        "places": [],
        "title": {
            "pl": "Wyższe opłaty dla pracodawców od 1 grudnia 2025 r.",
            "en": "Higher fees for employers from 1 December 2025",
            "uk": "Вищі збори для роботодавців з 1 грудня 2025 року",
            "ru": "Более высокие сборы для работодателей с 1 декабря 2025 года",
        },
        "summary": {
            "pl": "Zezwolenie na pracę na ponad 3 miesiące kosztuje 400 zł, a oświadczenie o powierzeniu pracy 400 zł.",
            "en": "A work permit for over 3 months costs 400 zł, and a declaration of entrusting work "
            "(oświadczenie) costs 400 zł.",
            "uk": "Дозвіл на роботу понад 3 місяці коштує 400 злотих, а заява про доручення роботи (oświadczenie) — "
            "400 злотих.",
            "ru": "Разрешение на работу сроком более 3 месяцев стоит 400 злотых, а заявление о поручении работы "
            "(oświadczenie) — 400 злотых.",
        },
        "body": {
            "pl": "Rozporządzenie z 20 listopada 2025 r. (Dz.U. 2025 poz. 1622) podniosło opłaty, które wnosi "
            "pracodawca:\n- zezwolenie na pracę do 3 miesięcy: 200 zł\n- zezwolenie na pracę powyżej 3 miesięcy: "
            "400 zł\n- delegowanie pracownika: 800 zł\n- zezwolenie na pracę sezonową: 100 zł\n- oświadczenie o "
            "powierzeniu pracy: 400 zł\n\nObniżone opłaty za przedłużenie zezwoleń zniesiono.",
            "en": "A regulation of 20 November 2025 (Dz.U. 2025 poz. 1622) raised the fees the employer pays:\n"
            "- work permit up to 3 months: 200 zł\n- work permit over 3 months: 400 zł\n- posting of a worker: "
            "800 zł\n- seasonal work permit: 100 zł\n- declaration of entrusting work: 400 zł\n\nThe reduced fees "
            "for extensions were abolished.",
            "uk": "Розпорядження від 20 листопада 2025 року (Dz.U. 2025 poz. 1622) підвищило збори, які сплачує "
            "роботодавець:\n- дозвіл на роботу до 3 місяців: 200 злотих\n- дозвіл на роботу понад 3 місяці: "
            "400 злотих\n- відрядження працівника: 800 злотих\n- дозвіл на сезонну роботу: 100 злотих\n- заява про "
            "доручення роботи: 400 злотих\n\nЗнижені збори за продовження дозволів скасовано.",
            "ru": "Распоряжение от 20 ноября 2025 года (Dz.U. 2025 poz. 1622) повысило сборы, которые платит "
            "работодатель:\n- разрешение на работу до 3 месяцев: 200 злотых\n- разрешение на работу более "
            "3 месяцев: 400 злотых\n- командирование работника: 800 злотых\n- разрешение на сезонную работу: "
            "100 злотых\n- заявление о поручении работы: 400 злотых\n\nСниженные сборы за продление разрешений "
            "отменены.",
        },
    },
    {
        "slug": "oswiadczenie-four-countries",
        "published_at": "2025-12-02T10:00",
        "importance": "normal",
        "guides": ["temporary-residence-work"],
        "places": [],
        "title": {
            "pl": "Oświadczenie o powierzeniu pracy tylko dla obywateli czterech państw",
            "en": "Declaration of entrusting work only for citizens of four countries",
            "uk": "Заява про доручення роботи лише для громадян чотирьох країн",
            "ru": "Заявление о поручении работы только для граждан четырёх стран",
        },
        "summary": {
            "pl": "Od 1 grudnia 2025 r. procedura oświadczeń obejmuje obywateli Armenii, Białorusi, Mołdawii i "
            "Ukrainy. Gruzję skreślono z listy.",
            "en": "Since 1 December 2025 the oświadczenie procedure covers citizens of Armenia, Belarus, Moldova and "
            "Ukraine. Georgia was removed from the list.",
            "uk": "З 1 грудня 2025 року процедура oświadczenie поширюється на громадян Вірменії, Білорусі, Молдови "
            "та України. Грузію вилучено зі списку.",
            "ru": "С 1 декабря 2025 года процедура oświadczenie распространяется на граждан Армении, Беларуси, "
            "Молдовы и Украины. Грузия исключена из списка.",
        },
        "body": {
            "pl": "Podstawa: rozporządzenie z 21 listopada 2025 r. (Dz.U. 2025 poz. 1617). Obywatele Gruzji nie "
            "mogą już pracować na podstawie oświadczenia. Oświadczenie pracodawca składa wyłącznie elektronicznie "
            "przez praca.gov.pl.",
            "en": "Legal basis: regulation of 21 November 2025 (Dz.U. 2025 poz. 1617). Citizens of Georgia can no "
            "longer work on the basis of an oświadczenie. The employer files the oświadczenie only online at "
            "praca.gov.pl.",
            "uk": "Підстава: розпорядження від 21 листопада 2025 року (Dz.U. 2025 poz. 1617). Громадяни Грузії "
            "більше не можуть працювати на підставі oświadczenie. Роботодавець подає oświadczenie лише онлайн через "
            "praca.gov.pl.",
            "ru": "Основание: распоряжение от 21 ноября 2025 года (Dz.U. 2025 poz. 1617). Граждане Грузии больше не "
            "могут работать на основании oświadczenie. Работодатель подаёт oświadczenie только онлайн через "
            "praca.gov.pl.",
        },
    },
    {
        "slug": "stamp-duty-not-refunded-from-5-march-2026",
        "published_at": "2026-03-05T09:00",
        "importance": "normal",
        "guides": PERMIT_GUIDES,
        "places": [],
        "title": {
            "pl": "Od 5 marca 2026 r. opłata skarbowa nie jest zwracana po odmowie",
            "en": "From 5 March 2026 stamp duty is not refunded after a refusal",
            "uk": "З 5 березня 2026 року гербовий збір не повертається після відмови",
            "ru": "С 5 марта 2026 года гербовый сбор не возвращается после отказа",
        },
        "summary": {
            "pl": "Jeśli sprawa zakończy się odmową lub umorzeniem postępowania, opłata skarbowa nie "
            "zostanie zwrócona.",
            "en": "If the case ends in a refusal or a discontinuation of proceedings, the stamp duty is not refunded.",
            "uk": "Якщо справа завершиться відмовою або припиненням провадження, гербовий збір не повертається.",
            "ru": "Если дело закончится отказом или прекращением производства, гербовый сбор не возвращается.",
        },
        "body": {
            "pl": "Zasada dotyczy wniosków złożonych od 5 marca 2026 r. o pobyt czasowy, stały, rezydenta "
            "długoterminowego UE oraz o zmianę zezwolenia na pobyt czasowy i pracę. Wnioski złożone wcześniej "
            "podlegają dawnym zasadom zwrotu.",
            "en": "The rule applies to applications filed from 5 March 2026 for temporary residence, permanent "
            "residence, EU long-term residence and a change of the temporary residence and work permit. "
            "Applications filed earlier keep the old refund rules.",
            "uk": "Правило стосується заяв, поданих з 5 березня 2026 року, на тимчасове проживання, постійне "
            "проживання, проживання довгострокового резидента ЄС та зміну дозволу на тимчасове проживання та "
            "роботу. До заяв, поданих раніше, застосовуються попередні правила повернення.",
            "ru": "Правило касается заявлений, поданных с 5 марта 2026 года, на временное пребывание, постоянное "
            "пребывание, пребывание долгосрочного резидента ЕС и изменение разрешения на временное пребывание и "
            "работу. К заявлениям, поданным раньше, применяются прежние правила возврата.",
        },
    },
    {
        "slug": "ukrainian-special-act-phased-out",
        "published_at": "2026-03-05T12:00",
        "importance": "normal",
        "guides": ["ukrainian-citizens"],
        "places": [],
        "title": {
            "pl": "Obywatele Ukrainy: od 5 marca 2026 r. obowiązują nowe przepisy",
            "en": "Citizens of Ukraine: new rules in force since 5 March 2026",
            "uk": "Громадяни України: з 5 березня 2026 року діють нові правила",
            "ru": "Граждане Украины: с 5 марта 2026 года действуют новые правила",
        },
        "summary": {
            "pl": "Specustawa jest wygaszana. Legalny pobyt osób objętych ochroną przedłużono do 4 marca 2027 r.",
            "en": "The special act is being phased out. The legal stay of people under protection is extended to "
            "4 March 2027.",
            "uk": "Спецзакон поступово припиняє дію. Легальне перебування осіб під захистом продовжено до "
            "4 березня 2027 року.",
            "ru": "Спецзакон постепенно прекращает действие. Легальное пребывание лиц под защитой продлено до "
            "4 марта 2027 года.",
        },
        "body": {
            "pl": "Zasady PESEL UKR przeniesiono do ustawy o udzielaniu cudzoziemcom ochrony. Po przekroczeniu "
            "granicy masz 30 dni na złożenie wniosku o PESEL UKR. Zaświadczenie papierowe zastępuje karta DIIA / "
            "mObywatel.",
            "en": "The PESEL UKR rules moved to the Act on granting protection to foreigners. After crossing the "
            "border you have 30 days to apply for a PESEL UKR number. The paper certificate is replaced by the "
            "electronic DIIA card / mObywatel.",
            "uk": "Правила PESEL UKR перенесено до закону про надання іноземцям захисту. Після перетину кордону "
            "у вас є 30 днів, щоб подати заяву на PESEL UKR. Паперову довідку замінює електронна картка "
            "DIIA / mObywatel.",
            "ru": "Правила PESEL UKR перенесены в закон о предоставлении иностранцам защиты. После пересечения "
            "границы у вас есть 30 дней, чтобы подать заявление на PESEL UKR. Бумажное удостоверение заменяет "
            "электронная карта DIIA / mObywatel.",
        },
    },
    {
        "slug": "last-paper-applications-26-april-2026",
        "published_at": "2026-04-13T09:00",
        "valid_until": "2026-04-27T00:00",
        "importance": "normal",
        "guides": PERMIT_GUIDES,
        "places": ALL_PLACES,
        "title": {
            "pl": "Wnioski papierowe muszą dotrzeć do urzędu do 26 kwietnia 2026 r.",
            "en": "Paper applications must reach the office by 26 April 2026",
            "uk": "Паперові заяви мають надійти до управління до 26 квітня 2026 року",
            "ru": "Бумажные заявления должны поступить в управление до 26 апреля 2026 года",
        },
        "summary": {
            "pl": "Liczy się data wpływu do urzędu, nie data stempla pocztowego.",
            "en": "What counts is the date the application reaches the office, not the postmark.",
            "uk": "Має значення дата надходження до управління, а не дата поштового штемпеля.",
            "ru": "Значение имеет дата поступления в управление, а не дата почтового штемпеля.",
        },
        "body": {
            "pl": "Wnioski papierowe, które wpłyną później, zostaną pozostawione bez rozpoznania. Od 27 kwietnia "
            "2026 r. wniosek składa się wyłącznie w MOS.",
            "en": "Paper applications that arrive later are left without consideration. From 27 April 2026 the "
            "application is filed only in the online case module (MOS).",
            "uk": "Паперові заяви, що надійдуть пізніше, буде залишено без розгляду. З 27 квітня 2026 року заяву "
            "подають лише в онлайн-модулі обслуговування справ (MOS).",
            "ru": "Бумажные заявления, поступившие позже, будут оставлены без рассмотрения. С 27 апреля 2026 года "
            "заявление подают только в онлайн-модуле обслуживания дел (MOS).",
        },
    },
    {
        "slug": "applications-only-in-mos",
        "published_at": "2026-04-27T08:00",
        "valid_until": "2027-04-27T00:00",
        "importance": "urgent",
        "guides": PERMIT_GUIDES + ["ukrainian-citizens"],
        "places": ALL_PLACES,
        "title": {
            "pl": "Wnioski o pobyt składasz tylko online w MOS",
            "en": "Residence applications are filed only online in MOS",
            "uk": "Заяви на перебування подають лише онлайн у MOS",
            "ru": "Заявления на пребывание подают только онлайн в MOS",
        },
        "summary": {
            "pl": "Od 27 kwietnia 2026 r. wniosek o pobyt czasowy, stały lub rezydenta długoterminowego UE składasz "
            "tylko w Module Obsługi Spraw (MOS). Wniosek papierowy zostanie pozostawiony bez rozpoznania.",
            "en": "Since 27 April 2026 applications for temporary, permanent or EU long-term residence are filed only "
            "in the online case module (MOS). A paper application is left without consideration.",
            "uk": "З 27 квітня 2026 року заяви на тимчасове чи постійне проживання або на проживання "
            "довгострокового резидента ЄС подають лише в онлайн-модулі обслуговування справ (MOS). Паперову заяву "
            "буде залишено без розгляду.",
            "ru": "С 27 апреля 2026 года заявления на временное или постоянное пребывание либо на пребывание "
            "долгосрочного резидента ЕС подают только в онлайн-модуле обслуживания дел (MOS). Бумажное заявление "
            "будет оставлено без рассмотрения.",
        },
        "body": {
            "pl": "Załóż nowe konto w MOS (konta ze starego systemu nie zostały przeniesione), zaloguj się przez "
            "login.gov.pl i podpisz wniosek podpisem zaufanym albo kwalifikowanym. Niepodpisany wniosek uważa się "
            "za niezłożony. Adres: mos.cudzoziemcy.gov.pl.",
            "en": "Create a new MOS account (accounts from the old system were not carried over), log in through "
            "login.gov.pl and sign the application with a trusted or qualified signature. An unsigned application "
            "counts as not filed. Address: mos.cudzoziemcy.gov.pl.",
            "uk": "Створіть новий обліковий запис у MOS (облікові записи зі старої системи не перенесено), увійдіть "
            "через login.gov.pl і підпишіть заяву довіреним або кваліфікованим підписом. Непідписана заява "
            "вважається неподаною. Адреса: mos.cudzoziemcy.gov.pl.",
            "ru": "Создайте новую учётную запись в MOS (учётные записи из старой системы не перенесены), войдите "
            "через login.gov.pl и подпишите заявление доверенной или квалифицированной подписью. Неподписанное "
            "заявление считается неподанным. Адрес: mos.cudzoziemcy.gov.pl.",
        },
    },
    {
        "slug": "cukr-applications-open",
        "published_at": "2026-05-04T09:00",
        "importance": "normal",
        "guides": ["ukrainian-citizens"],
        "places": [],
        "title": {
            "pl": "Karta CUKR: wnioski w MOS od 4 maja 2026 r.",
            "en": "CUKR card: applications in MOS from 4 May 2026",
            "uk": "Карта CUKR: заяви в MOS з 4 травня 2026 року",
            "ru": "Карта CUKR: заявления в MOS с 4 мая 2026 года",
        },
        "summary": {
            "pl": "Obywatele Ukrainy ze statusem UKR mogą składać w MOS wnioski o 3-letnie zezwolenie na pobyt czasowy "
            "(karta CUKR).",
            "en": "Citizens of Ukraine with UKR status can apply in MOS for a 3-year temporary residence permit "
            "(the CUKR card).",
            "uk": "Громадяни України зі статусом UKR можуть подавати в MOS заяви на 3-річний дозвіл на тимчасове "
            "проживання (карта CUKR).",
            "ru": "Граждане Украины со статусом UKR могут подавать в MOS заявления на 3-летнее разрешение на "
            "временное пребывание (карта CUKR).",
        },
        "body": {
            "pl": "Wniosek składa się tylko w MOS, z podpisem zaufanym lub kwalifikowanym. Warunki i opłaty opisuje "
            "nasz przewodnik dla obywateli Ukrainy.",
            "en": "The application is filed only in MOS, with a trusted or qualified signature. Our guide for "
            "citizens of Ukraine explains the conditions and fees.",
            "uk": "Заяву подають лише в MOS із довіреним або кваліфікованим підписом. Умови та збори описано в "
            "нашому довіднику для громадян України.",
            "ru": "Заявление подают только в MOS с доверенной или квалифицированной подписью. Условия и сборы "
            "описаны в нашем руководстве для граждан Украины.",
        },
    },
    {
        "slug": "two-separate-payments",
        "published_at": "2026-05-11T09:00",
        "importance": "normal",
        "guides": PERMIT_GUIDES,
        "places": [],
        "title": {
            "pl": "Opłata skarbowa i opłata za kartę pobytu: dwa osobne przelewy",
            "en": "Stamp duty and the residence card fee: two separate transfers",
            "uk": "Гербовий збір і плата за карту побиту: два окремі перекази",
            "ru": "Гербовый сбор и плата за карту побыту: два отдельных перевода",
        },
        "summary": {
            "pl": "Opłat nie da się wnieść w MOS. Zapłać je przelewem na dwa różne konta i dołącz do wniosku "
            "potwierdzenia obu.",
            "en": "The fees cannot be paid inside MOS. Pay them by transfer to two different accounts and attach "
            "proof of both to the application.",
            "uk": "Збори неможливо сплатити в MOS. Сплатіть їх переказом на два різні рахунки та додайте до заяви "
            "підтвердження обох платежів.",
            "ru": "Сборы нельзя оплатить в MOS. Оплатите их переводом на два разных счёта и приложите к заявлению "
            "подтверждения обоих платежей.",
        },
        "body": {
            "pl": "Opłatę skarbową wpłacasz na konto Urzędu Miasta Poznania, a opłatę za kartę pobytu (100 zł) na "
            "konto Wielkopolskiego Urzędu Wojewódzkiego. Numery kont i tytuły przelewów znajdziesz na stronie "
            "„Opłaty”.",
            "en": "The stamp duty goes to the account of the Poznań City Office, the residence card fee (100 zł) to "
            "the account of the Wielkopolska Voivodeship Office. The accounts and transfer titles are on the "
            '"Fees" page.',
            "uk": "Гербовий збір сплачують на рахунок міського управління Познані, а плату за карту побиту "
            "(100 злотих) — на рахунок Великопольського воєводського управління. Номери рахунків і призначення "
            "платежів є на сторінці «Платежі».",
            "ru": "Гербовый сбор платят на счёт Управления города Познани, а плату за карту побыту (100 злотых) "
            "— на счёт Великопольского воеводского управления. Номера счетов и назначения платежей есть на "
            "странице «Платежи».",
        },
    },
    {
        "slug": "fingerprints-after-filing-in-mos",
        "published_at": "2026-06-01T09:00",
        "importance": "normal",
        "guides": PERMIT_GUIDES,
        "places": ALL_PLACES,
        "title": {
            "pl": "Odciski linii papilarnych: poczekaj na wezwanie z urzędu",
            "en": "Fingerprints: wait for the office's call",
            "uk": "Відбитки пальців: дочекайтеся виклику з управління",
            "ru": "Отпечатки пальцев: дождитесь вызова из управления",
        },
        "summary": {
            "pl": "Po złożeniu wniosku w MOS urząd wezwie Cię do złożenia odcisków linii papilarnych i okazania "
            "paszportu.",
            "en": "After you file the application in MOS, the office calls you in to give fingerprints and show "
            "your passport.",
            "uk": "Після подання заяви в MOS управління викличе вас здати відбитки пальців і показати паспорт.",
            "ru": "После подачи заявления в MOS управление вызовет вас сдать отпечатки пальцев и предъявить паспорт.",
        },
        "body": {
            "pl": "Zamiast stempla w paszporcie dostajesz zaświadczenie w swoim koncie MOS; możesz je drukować "
            "wiele razy. Wezwanie może zawierać też prośbę o uzupełnienie braków lub wniesienie opłaty.",
            "en": "Instead of a passport stamp you get a certificate (zaświadczenie) in your MOS account; you can "
            "print it many times. The call may also ask you to remedy formal deficiencies or pay a fee.",
            "uk": "Замість штампу в паспорті ви отримуєте довідку (zaświadczenie) у своєму обліковому записі "
            "MOS; його можна друкувати багато разів. Виклик може містити й вимогу усунути формальні недоліки або "
            "сплатити збір.",
            "ru": "Вместо штампа в паспорте вы получаете справку (zaświadczenie) в своей учётной записи MOS; её "
            "можно печатать много раз. Вызов может содержать и требование устранить формальные недостатки или "
            "оплатить сбор.",
        },
    },
    {
        "slug": "pesel-ukr-confirm-data-by-31-august",
        "published_at": "2026-06-15T09:00",
        "valid_until": "2026-09-01T00:00",
        "importance": "normal",
        "guides": ["ukrainian-citizens"],
        "places": [],
        "title": {
            "pl": "PESEL UKR bez dokumentu tożsamości: potwierdź dane do 31 sierpnia 2026 r.",
            "en": "PESEL UKR without an identity document: confirm your data by 31 August 2026",
            "uk": "PESEL UKR без документа, що посвідчує особу: підтвердьте дані до 31 серпня 2026 року",
            "ru": "PESEL UKR без удостоверения личности: подтвердите данные до 31 августа 2026 года",
        },
        "summary": {
            "pl": "Jeśli numer PESEL UKR nadano bez ważnego dokumentu tożsamości, potwierdź dane w urzędzie gminy.",
            "en": "If your PESEL UKR number was given without a valid identity document, confirm your data at the "
            "municipal office (gmina).",
            "uk": "Якщо номер PESEL UKR присвоєно без дійсного документа, що посвідчує особу, підтвердьте дані в "
            "управлінні гміни.",
            "ru": "Если номер PESEL UKR присвоен без действующего удостоверения личности, подтвердите данные в "
            "управлении гмины.",
        },
        "body": {
            "pl": "Bez potwierdzenia status zmieni się od 1 września 2026 r. na „NUE”, czyli brak legalnego pobytu.",
            "en": 'Without confirmation the status changes to "NUE" (no legal stay) from 1 September 2026.',
            "uk": "Без підтвердження з 1 вересня 2026 року статус зміниться на «NUE», тобто відсутність легального "
            "перебування.",
            "ru": "Без подтверждения с 1 сентября 2026 года статус изменится на «NUE», то есть отсутствие "
            "легального пребывания.",
        },
    },
    {
        "slug": "temporary-protection-ends-4-march-2027",
        "published_at": "2026-11-16T09:00",
        "valid_until": "2027-03-05T00:00",
        "importance": "urgent",
        "guides": ["ukrainian-citizens"],
        "places": [],
        "title": {
            "pl": "Ochrona czasowa kończy się 4 marca 2027 r.",
            "en": "Temporary protection ends on 4 March 2027",
            "uk": "Тимчасовий захист закінчується 4 березня 2027 року",
            "ru": "Временная защита заканчивается 4 марта 2027 года",
        },
        "summary": {
            "pl": "Obywatele Ukrainy objęci ochroną czasową: złóż wniosek o kartę CUKR lub inne zezwolenie na pobyt "
            "przed 4 marca 2027 r.",
            "en": "Citizens of Ukraine under temporary protection: apply for a CUKR card or another residence permit "
            "before 4 March 2027.",
            "uk": "Громадяни України під тимчасовим захистом: подайте заяву на карту CUKR або інший дозвіл на "
            "проживання до 4 березня 2027 року.",
            "ru": "Граждане Украины под временной защитой: подайте заявление на карту CUKR или другое разрешение на "
            "пребывание до 4 марта 2027 года.",
        },
        "body": {
            "pl": "Ochrona czasowa w UE trwa do 4 marca 2027 r. (decyzja wykonawcza Rady (UE) 2025/1460). Do tego "
            "dnia możesz złożyć w MOS wniosek o zwykły tytuł pobytowy. Nie czekaj na ostatnie tygodnie.",
            "en": "EU temporary protection runs until 4 March 2027 (Council Implementing Decision (EU) 2025/1460). "
            "Until then you can apply in MOS for a regular residence permit. Do not wait for the last weeks.",
            "uk": "Тимчасовий захист у ЄС діє до 4 березня 2027 року (імплементаційне рішення Ради (ЄС) 2025/1460). "
            "До цієї дати ви можете подати в MOS заяву на звичайний дозвіл на проживання. Не чекайте останніх "
            "тижнів.",
            "ru": "Временная защита в ЕС действует до 4 марта 2027 года (имплементационное решение Совета (ЕС) "
            "2025/1460). До этой даты вы можете подать в MOS заявление на обычное разрешение на пребывание. Не "
            "ждите последних недель.",
        },
    },
    {
        "slug": "offices-closed-24-december-2026",
        "published_at": "2026-12-14T08:00",
        "valid_until": "2026-12-28T00:00",
        "importance": "normal",
        "scheduled": True,
        "guides": [],
        "places": ALL_PLACES,
        "title": {
            "pl": "24, 25 i 26 grudnia 2026 r. urząd jest zamknięty",
            "en": "The office is closed on 24, 25 and 26 December 2026",
            "uk": "24, 25 і 26 грудня 2026 року управління зачинене",
            "ru": "24, 25 и 26 декабря 2026 года управление закрыто",
        },
        "summary": {
            "pl": "Wigilia jest od 2025 r. dniem wolnym od pracy. Wszystkie nasze placówki będą wtedy zamknięte.",
            "en": "Christmas Eve has been a public holiday since 2025. All our places are closed on these days.",
            "uk": "Святвечір із 2025 року є вихідним днем. У ці дні всі наші пункти обслуговування зачинені.",
            "ru": "Сочельник с 2025 года является выходным днём. В эти дни все наши пункты обслуживания закрыты.",
        },
        "body": {
            "pl": "MOS działa bez przerwy: wniosek możesz złożyć online także w święta.",
            "en": "MOS keeps working: you can file an application online on holidays too.",
            "uk": "MOS працює без перерви: заяву можна подати онлайн і у святкові дні.",
            "ru": "MOS работает без перерыва: заявление можно подать онлайн и в праздничные дни.",
        },
    },
]
