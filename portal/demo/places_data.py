"""Demo data: the seven places that serve foreigners, the services they offer and the languages spoken.

Contact details were checked against stored copies of public pages (poznan.uw.gov.pl,
migrant.poznan.uw.gov.pl, amu.edu.pl and a few secondary pages; URLs in the comments) on 25 November 2026;
everything marked "# unverified: confirm before go-live" is an illustrative placeholder, not a checked fact.

Verified, with the source next to the value:
- Foreigners' Affairs Department, Poznań: pl. Wolności 17, 61-739 Poznań, helpline 61 850 87 77, e-mail
  cudzoziemcy@poznan.uw.gov.pl, service hours Mon-Fri 8:15-15:15. The page is old (about 2020) but still
  online: re-check that the address and hours are current.
- Civic Affairs Department, Polish citizenship desk: al. Niepodległości 16/18 (room 020), 61-713 Poznań, phone
  61 854 10 32, obywatelstwo@poznan.uw.gov.pl, working days 8:30-15:30, and what it handles.
- Piła: foreigners are served at ul. Dzieci Polskich 26, 64-920 Piła (since 12.11.2019).
- Leszno: the branch office is in the Sułkowski Palace on plac Kościuszki, open Mon 7:00-18:00 and Tue-Fri
  7:00-16:00 (press report of 6.03.2026 on the whole branch office, not the foreigners' desk).
- The branch offices in Kalisz, Konin, Leszno and Piła take fingerprints and hand out residence cards.
- AMU Welcome Center: ul. Święty Marcin 78, Poznań (secondary sources).
- MOS-only filing of temporary, permanent and EU long-term residence applications from 27 April 2026
  (secondary sources only; see docs/sources.md, `date-mos-only`).

Not verified (placeholders): the street addresses and postal codes in Kalisz, Konin and Leszno; a phone number
and e-mail for each branch office (the central helpline and e-mail are used instead); opening hours in Kalisz,
Konin, Piła and at the Welcome Center; the helpline's hours; the Welcome Center's phone, e-mail and postal
code; all staff languages; which services each branch office offers beyond fingerprints and residence card
collection; and all accessibility notes, except the rule that a sign language interpreter must be requested at
least 3 working days in advance (Act of 19 August 2011 on sign language).
"""

# Staff languages below are all unverified: confirm before go-live.
from typing import Any

SPOKEN_LANGUAGES: list[dict[str, Any]] = [  # languages staff speak at a place
    {"code": "pl", "name": {"pl": "polski", "en": "Polish", "uk": "польська", "ru": "польский"}},
    {"code": "en", "name": {"pl": "angielski", "en": "English", "uk": "англійська", "ru": "английский"}},
    {"code": "uk", "name": {"pl": "ukraiński", "en": "Ukrainian", "uk": "українська", "ru": "украинский"}},
    {"code": "ru", "name": {"pl": "rosyjski", "en": "Russian", "uk": "російська", "ru": "русский"}},
    {"code": "de", "name": {"pl": "niemiecki", "en": "German", "uk": "німецька", "ru": "немецкий"}},
    {"code": "fr", "name": {"pl": "francuski", "en": "French", "uk": "французька", "ru": "французский"}},
    {"code": "es", "name": {"pl": "hiszpański", "en": "Spanish", "uk": "іспанська", "ru": "испанский"}},
]

SERVICES: list[dict[str, Any]] = [  # what kind of help a place offers (informational catalogue)
    {
        "code": "mos-application-help",
        "name": {
            "pl": "Pomoc przy wniosku w MOS",
            "en": "Help with an application in MOS",
            "uk": "Допомога із заявою в MOS",
            "ru": "Помощь с заявлением в MOS",
        },
        "description": {
            "pl": (
                "Od 27 kwietnia 2026 r. wniosek o zezwolenie na pobyt czasowy, pobyt stały lub pobyt "
                "rezydenta długoterminowego UE składa się wyłącznie online w Module Obsługi Spraw (MOS); "
                "tutaj dowiesz się, jak założyć konto, wypełnić formularz, dołączyć pliki i podpisać wniosek "
                "elektronicznie."
            ),
            "en": (
                "Since 27 April 2026 an application (wniosek) for a temporary residence permit, a permanent "
                "residence permit or an EU long-term resident permit can be filed only through the online "
                "case module (MOS, Moduł Obsługi Spraw); here you learn how to create an account, fill in "
                "the form, attach the files and sign the application electronically."
            ),
            "uk": (
                "З 27 квітня 2026 року заяву (wniosek) про надання дозволу на тимчасове проживання, дозволу "
                "на постійне проживання або дозволу на проживання довгострокового резидента ЄС подають лише "
                "електронно через онлайн-модуль обслуговування справ (MOS, Moduł Obsługi Spraw); тут "
                "пояснять, як створити обліковий запис, заповнити форму, додати файли та підписати заяву "
                "електронним підписом."
            ),
            "ru": (
                "С 27 апреля 2026 года заявление (wniosek) о выдаче разрешения на временное пребывание, "
                "разрешения на постоянное пребывание или разрешения на пребывание долгосрочного резидента ЕС "
                "подают только в электронном виде через онлайн-модуль обслуживания дел (MOS, Moduł Obsługi "
                "Spraw); здесь объяснят, как создать учётную запись, заполнить форму, приложить файлы и "
                "подписать заявление электронной подписью."
            ),
        },
    },
    {
        "code": "fingerprints-personal-appearance",
        "name": {
            "pl": "Odciski linii papilarnych i osobiste stawiennictwo",
            "en": "Fingerprints and personal appearance",
            "uk": "Відбитки пальців та особиста явка",
            "ru": "Отпечатки пальцев и личная явка",
        },
        "description": {
            "pl": (
                "Po złożeniu wniosku w MOS urząd zaprasza Cię na wizytę, aby pobrać odciski linii "
                "papilarnych, potwierdzić osobiste stawiennictwo i sprawdzić oryginał paszportu."
            ),
            "en": (
                "After you file your application in MOS, the office invites you to an appointment (wizyta) "
                "to take your fingerprints (odciski linii papilarnych), confirm your personal appearance "
                "(osobiste stawiennictwo) and check your original passport."
            ),
            "uk": (
                "Після подання заяви в MOS управління запрошує вас на візит (wizyta), щоб зняти відбитки "
                "пальців (odciski linii papilarnych), підтвердити особисту явку (osobiste stawiennictwo) і "
                "перевірити оригінал паспорта."
            ),
            "ru": (
                "После подачи заявления в MOS управление приглашает вас на визит (wizyta), чтобы снять "
                "отпечатки пальцев (odciski linii papilarnych), подтвердить личную явку (osobiste "
                "stawiennictwo) и проверить оригинал паспорта."
            ),
        },
    },
    {
        "code": "residence-card-collection",
        "name": {
            "pl": "Odbiór karty pobytu",
            "en": "Residence card collection",
            "uk": "Отримання карти побиту",
            "ru": "Получение карты побыту",
        },
        "description": {
            "pl": (
                "Gdy status sprawy pokazuje, że karta pobytu jest gotowa, odbierasz ją osobiście w miejscu "
                "wybranym wcześniej (Poznań albo jedna z delegatur)."
            ),
            "en": (
                "When your case status (status sprawy) shows that your residence card (karta pobytu) is "
                "ready, you collect it in person at the place chosen earlier (Poznań or one of the branch "
                "offices)."
            ),
            "uk": (
                "Коли статус справи (status sprawy) показує, що карта побиту (karta pobytu) готова, ви "
                "отримуєте її особисто в місці, обраному раніше (Познань або одна з філій)."
            ),
            "ru": (
                "Когда статус дела (status sprawy) показывает, что карта побыту (karta pobytu) готова, вы "
                "получаете её лично в месте, выбранном ранее (Познань или один из филиалов)."
            ),
        },
    },
    {
        "code": "case-file-inspection",
        "name": {
            "pl": "Wgląd w akta sprawy",
            "en": "Inspection of case files",
            "uk": "Ознайомлення з матеріалами справи",
            "ru": "Ознакомление с материалами дела",
        },
        "description": {
            "pl": (
                "Jako strona postępowania lub jej pełnomocnik możesz po umówieniu terminu przejrzeć akta "
                "swojej sprawy i zrobić z nich notatki lub kopie."
            ),
            "en": (
                "As a party to the proceedings (postępowanie) or their representative with power of attorney "
                "(pełnomocnik), you can book a time to read your case file and take notes or copies."
            ),
            "uk": (
                "Як сторона провадження (postępowanie) або її представник за довіреністю (pełnomocnik), ви "
                "можете домовитися про час, ознайомитися з матеріалами своєї справи та зробити нотатки чи "
                "копії."
            ),
            "ru": (
                "Как сторона производства (postępowanie) или её представитель по доверенности (pełnomocnik), "
                "вы можете договориться о времени, ознакомиться с материалами своего дела и сделать заметки "
                "или копии."
            ),
        },
    },
    {
        "code": "information-consultation",
        "name": {
            "pl": "Informacja i konsultacje",
            "en": "Information and consultation",
            "uk": "Інформація та консультації",
            "ru": "Информация и консультации",
        },
        "description": {
            "pl": (
                "W punkcie informacyjnym dowiesz się, jakie zezwolenie pasuje do Twojej sytuacji, jakie "
                "dokumenty przygotować i co oznacza pismo z urzędu."
            ),
            "en": (
                "At the information point (punkt informacyjny) you can find out which permit fits your "
                "situation, which documents to prepare and what a letter from the office means."
            ),
            "uk": (
                "В інформаційному пункті (punkt informacyjny) ви дізнаєтеся, який дозвіл підходить саме вам, "
                "які документи підготувати і що означає лист, який ви отримали з управління."
            ),
            "ru": (
                "В информационном пункте (punkt informacyjny) вы узнаете, какое разрешение подходит именно "
                "вам, какие документы подготовить и что означает письмо, которое вы получили из управления."
            ),
        },
    },
    {
        "code": "correspondence-submission",
        "name": {
            "pl": "Punkt podawczy (składanie pism)",
            "en": "Submission point for letters",
            "uk": "Пункт прийому листів",
            "ru": "Пункт приёма писем",
        },
        "description": {
            "pl": (
                "Możesz tu złożyć pisma w toczącej się sprawie, np. odwołanie, ponaglenie lub brakujące "
                "dokumenty; papierowych wniosków o zezwolenie na pobyt czasowy, pobyt stały i pobyt "
                "rezydenta długoterminowego UE się nie przyjmuje."
            ),
            "en": (
                "You can hand in letters in ongoing proceedings here, such as an appeal (odwołanie), a "
                "formal complaint about delay (ponaglenie) or formal deficiencies; paper applications for a "
                "temporary residence, permanent residence or EU long-term resident permit are not accepted."
            ),
            "uk": (
                "Тут можна подати листи у справі, яка вже розглядається, наприклад апеляцію (odwołanie), "
                "скаргу на затягування (ponaglenie) або відсутні документи; паперові заяви про надання "
                "дозволу на тимчасове проживання, постійне проживання чи проживання довгострокового "
                "резидента ЄС не приймають."
            ),
            "ru": (
                "Здесь можно подать письма по уже начатому делу, например апелляцию (odwołanie), жалобу на "
                "затягивание (ponaglenie) или недостающие документы; бумажные заявления о выдаче разрешения "
                "на временное пребывание, постоянное пребывание или пребывание долгосрочного резидента ЕС не "
                "принимают."
            ),
        },
    },
    {
        # what the desk handles: https://poznan.uw.gov.pl/obywatelstwo-polskie
        # https://migrant.poznan.uw.gov.pl/pl/procedury/potwierdzenie-posiadania-lub-utraty-obywatelstwa-polskiego
        "code": "polish-citizenship",
        "name": {
            "pl": "Sprawy obywatelstwa polskiego",
            "en": "Polish citizenship matters",
            "uk": "Питання польського громадянства",
            "ru": "Вопросы польского гражданства",
        },
        "description": {
            "pl": (
                "Wydział Spraw Obywatelskich przyjmuje wnioski o uznanie za obywatela polskiego, o nadanie "
                "obywatelstwa polskiego przez Prezydenta RP oraz o potwierdzenie posiadania lub utraty "
                "obywatelstwa polskiego."
            ),
            "en": (
                "The Civic Affairs Department (Wydział Spraw Obywatelskich) accepts applications for "
                "recognition as a Polish citizen (uznanie za obywatela polskiego), for the grant of Polish "
                "citizenship by the President of Poland (nadanie obywatelstwa polskiego) and for "
                "confirmation of holding or losing Polish citizenship (potwierdzenie posiadania lub utraty "
                "obywatelstwa polskiego)."
            ),
            "uk": (
                "Відділ у справах громадян (Wydział Spraw Obywatelskich) приймає заяви про визнання "
                "польським громадянином (uznanie za obywatela polskiego), про надання польського "
                "громадянства Президентом Польщі (nadanie obywatelstwa polskiego) та про підтвердження "
                "наявності або втрати польського громадянства (potwierdzenie posiadania lub utraty "
                "obywatelstwa polskiego)."
            ),
            "ru": (
                "Отдел по делам граждан (Wydział Spraw Obywatelskich) принимает заявления о признании "
                "польским гражданином (uznanie za obywatela polskiego), о предоставлении польского "
                "гражданства Президентом Польши (nadanie obywatelstwa polskiego) и о подтверждении наличия "
                "или утраты польского гражданства (potwierdzenie posiadania lub utraty obywatelstwa "
                "polskiego)."
            ),
        },
    },
    {
        # handled by the Foreigners' Affairs Department:
        # https://migrant.poznan.uw.gov.pl/pl/procedury/przyznanie-karty-polaka
        # (URL seen in a secondary list)
        # cash benefit:
        # https://migrant.poznan.uw.gov.pl/en/komunikaty/partial-resumption-service-department-foreigners
        "code": "poles-card",
        "name": {"pl": "Karta Polaka", "en": "Pole's Card", "uk": "Карта поляка", "ru": "Карта поляка"},
        "description": {
            "pl": (
                "Osoby polskiego pochodzenia mieszkające w Polsce mogą złożyć tu wniosek o przyznanie lub "
                "przedłużenie Karty Polaka, a jej posiadacze – wniosek o świadczenie pieniężne dla "
                "posiadaczy Karty Polaka."
            ),
            "en": (
                "People of Polish descent living in Poland can apply here for the grant or extension of a "
                "Pole's Card (Karta Polaka), and card holders can apply for the cash benefit for Pole's Card "
                "holders (świadczenie pieniężne)."
            ),
            "uk": (
                "Особи польського походження, які проживають у Польщі, можуть подати тут заяву про надання "
                "або продовження Карти поляка (Karta Polaka), а її власники – заяву на грошову допомогу для "
                "власників Карти поляка (świadczenie pieniężne)."
            ),
            "ru": (
                "Лица польского происхождения, проживающие в Польше, могут подать здесь заявление о "
                "предоставлении или продлении Карты поляка (Karta Polaka), а её владельцы – заявление на "
                "денежное пособие для владельцев Карты поляка (świadczenie pieniężne)."
            ),
        },
    },
    {
        # annex signed by the university in MOS: https://wfpik.amu.edu.pl/en/study-with-us/residence-permit
        "code": "student-support",
        "name": {
            "pl": "Wsparcie dla studentów i naukowców z zagranicy",
            "en": "Support for international students and researchers",
            "uk": "Підтримка іноземних студентів і науковців",
            "ru": "Поддержка иностранных студентов и исследователей",
        },
        "description": {
            "pl": (
                "Uczelnia pomaga swoim studentom, doktorantom i pracownikom z zagranicy przygotować się do "
                "legalizacji pobytu, m.in. wskazuje adres e-mail uczelni, który trzeba podać w MOS, aby "
                "uczelnia wypełniła i podpisała wymagany załącznik."
            ),
            "en": (
                "The university helps its international students, doctoral candidates and staff prepare for "
                "residence legalization (legalizacja pobytu), for example by telling them which university "
                "e-mail address to enter in MOS so that the university can fill in and sign the required "
                "annex (załącznik)."
            ),
            "uk": (
                "Університет допомагає своїм іноземним студентам, аспірантам і працівникам підготуватися до "
                "легалізації перебування (legalizacja pobytu), зокрема підказує, яку електронну адресу "
                "університету вказати в MOS, щоб університет заповнив і підписав потрібний додаток "
                "(załącznik)."
            ),
            "ru": (
                "Университет помогает своим иностранным студентам, аспирантам и сотрудникам подготовиться к "
                "легализации пребывания (legalizacja pobytu), в частности подсказывает, какой адрес "
                "электронной почты университета указать в MOS, чтобы университет заполнил и подписал нужное "
                "приложение (załącznik)."
            ),
        },
    },
]

PLACES: list[dict[str, Any]] = [
    {
        "slug": "poznan-foreigners-department",
        # details an editor has checked at an official source; the rest show "to be confirmed" on the site
        "confirmed": ("address",),
        "kind": "headquarters",
        "order": 1,
        "name": {
            "pl": "Wydział Spraw Cudzoziemców – siedziba w Poznaniu",
            "en": "Foreigners' Affairs Department – Poznań headquarters",
            "uk": "Відділ у справах іноземців – головний офіс у Познані",
            "ru": "Отдел по делам иностранцев – главный офис в Познани",
        },
        "description": {
            "pl": (
                "Główna siedziba Wydziału Spraw Cudzoziemców Wielkopolskiego Urzędu Wojewódzkiego w "
                "Poznaniu. Od 27 kwietnia 2026 r. wniosek o zezwolenie na pobyt czasowy, pobyt stały lub "
                "pobyt rezydenta długoterminowego UE składasz wyłącznie online w Module Obsługi Spraw (MOS), "
                "a w punkcie informacyjnym wyjaśnią, jak to zrobić. Po wezwaniu z urzędu przychodzisz tu, "
                "aby oddać odciski linii papilarnych i pokazać oryginał paszportu; możesz tu też odebrać "
                "kartę pobytu, przejrzeć akta sprawy i złożyć pisma, np. odwołanie."
            ),
            "en": (
                "The main office of the Foreigners' Affairs Department (Wydział Spraw Cudzoziemców) of the "
                "Wielkopolska Voivodeship Office in Poznań. Since 27 April 2026 you file an application "
                "(wniosek) for a temporary residence permit, a permanent residence permit or an EU long-term "
                "resident permit only through the online case module (MOS, Moduł Obsługi Spraw); the "
                "information point (punkt informacyjny) explains how. When the office calls you, you come "
                "here to give your fingerprints (odciski linii papilarnych) and show your original passport; "
                "you can also collect your residence card (karta pobytu), inspect your case file and hand in "
                "letters such as an appeal (odwołanie)."
            ),
            "uk": (
                "Головний офіс Відділу у справах іноземців (Wydział Spraw Cudzoziemców) Великопольського "
                "воєводського управління в Познані. З 27 квітня 2026 року заяву (wniosek) про надання "
                "дозволу на тимчасове проживання, дозволу на постійне проживання або дозволу на проживання "
                "довгострокового резидента ЄС подають лише електронно через онлайн-модуль обслуговування "
                "справ (MOS, Moduł Obsługi Spraw); в інформаційному пункті (punkt informacyjny) пояснять, як "
                "це зробити. Коли управління вас запросить, ви приходите сюди, щоб здати відбитки пальців "
                "(odciski linii papilarnych) і показати оригінал паспорта; тут також можна отримати карту "
                "побиту (karta pobytu), ознайомитися з матеріалами справи та подати листи, наприклад "
                "апеляцію (odwołanie)."
            ),
            "ru": (
                "Главный офис Отдела по делам иностранцев (Wydział Spraw Cudzoziemców) Великопольского "
                "воеводского управления в Познани. С 27 апреля 2026 года заявление (wniosek) о выдаче "
                "разрешения на временное пребывание, разрешения на постоянное пребывание или разрешения на "
                "пребывание долгосрочного резидента ЕС подают только в электронном виде через онлайн-модуль "
                "обслуживания дел (MOS, Moduł Obsługi Spraw); в информационном пункте (punkt informacyjny) "
                "объяснят, как это сделать. Когда управление вас пригласит, вы приходите сюда, чтобы сдать "
                "отпечатки пальцев (odciski linii papilarnych) и предъявить оригинал паспорта; здесь же "
                "можно получить карту побыту (karta pobytu), ознакомиться с материалами дела и подать "
                "письма, например апелляцию (odwołanie)."
            ),
        },
        # accessibility notes: unverified: confirm before go-live (except the statutory 3-working-day notice
        # for an interpreter)
        "accessibility_notes": {
            "pl": (
                "Wejście od placu Wolności bez schodów, winda do sali obsługi i toaleta dla osób z "
                "niepełnosprawnościami. W punkcie informacyjnym działa pętla indukcyjna. Jeśli potrzebujesz "
                "tłumacza polskiego języka migowego (PJM), zgłoś to co najmniej 3 dni robocze przed wizytą."
            ),
            "en": (
                "Step-free entrance from plac Wolności, a lift to the customer service hall and an "
                "accessible toilet. The information point has an induction loop. If you need a Polish Sign "
                "Language (PJM) interpreter, tell the office at least 3 working days before your visit."
            ),
            "uk": (
                "Вхід з боку площі Вольності без сходів, ліфт до зали обслуговування і туалет для людей з "
                "інвалідністю. В інформаційному пункті є індукційна петля. Якщо вам потрібен перекладач "
                "польської жестової мови (PJM), повідомте управління щонайменше за 3 робочі дні до візиту."
            ),
            "ru": (
                "Вход со стороны площади Вольности без ступенек, лифт в зал обслуживания и туалет для людей "
                "с инвалидностью. В информационном пункте есть индукционная петля. Если вам нужен переводчик "
                "польского жестового языка (PJM), сообщите в управление не менее чем за 3 рабочих дня до "
                "визита."
            ),
        },
        # (page of about 2020, still online) https://www.poznan.uw.gov.pl/informacje-ogolne
        "street": "pl. Wolności 17",
        "postal_code": "61-739",
        "city": "Poznań",
        # helpline, (page of about 2020, still online) https://www.poznan.uw.gov.pl/informacje-ogolne
        "phone": "+48 61 850 87 77",
        # (page of about 2020, still online) https://www.poznan.uw.gov.pl/informacje-ogolne
        "email": "cudzoziemcy@poznan.uw.gov.pl",
        # service hall Mon-Fri 8:15-15:15: (page of about 2020, still online)
        # https://www.poznan.uw.gov.pl/informacje-ogolne
        # re-check for 2026; the information point then opened at 9:30 and closed at 16:00 on Mondays
        "opening_hours": [
            (0, "08:15", "15:15"),
            (1, "08:15", "15:15"),
            (2, "08:15", "15:15"),
            (3, "08:15", "15:15"),
            (4, "08:15", "15:15"),
        ],
        "staff_languages": ["pl", "en", "uk", "ru"],  # unverified: confirm before go-live
        # fingerprints, card collection, case files:
        # https://migrant.poznan.uw.gov.pl/en/komunikaty/partial-resumption-service-department-foreigners
        # MOS help: the voivode must help with MOS (GP 16.12.2025, secondary); how Poznań does it is
        # unverified: confirm before go-live
        "services": [
            "mos-application-help",
            "fingerprints-personal-appearance",
            "residence-card-collection",
            "case-file-inspection",
            "information-consultation",
            "correspondence-submission",
            "poles-card",
        ],
    },
    {
        "slug": "poznan-civic-affairs-department",
        # details an editor has checked at an official source; the rest show "to be confirmed" on the site
        "confirmed": ("address", "hours", "phone"),
        "kind": "department",
        "order": 2,
        "name": {
            "pl": "Wydział Spraw Obywatelskich – Punkt Obsługi Klienta w sprawach obywatelstwa polskiego",
            "en": "Civic Affairs Department – Polish citizenship desk",
            "uk": "Відділ у справах громадян – пункт обслуговування з питань польського громадянства",
            "ru": "Отдел по делам граждан – пункт обслуживания по вопросам польского гражданства",
        },
        "description": {
            "pl": (
                "Wydział Spraw Obywatelskich Wielkopolskiego Urzędu Wojewódzkiego prowadzi sprawy "
                "obywatelstwa polskiego: uznanie za obywatela polskiego, nadanie obywatelstwa przez "
                "Prezydenta RP (wniosek składa się za pośrednictwem wojewody) oraz potwierdzenie posiadania "
                "lub utraty obywatelstwa. W Punkcie Obsługi Klienta (pokój 020) złożysz lub uzupełnisz "
                "wniosek, uzyskasz informacje o procedurze i – po umówieniu wizyty – przejrzysz akta sprawy. "
                "Sprawami pobytu i Kartą Polaka zajmuje się Wydział Spraw Cudzoziemców."
            ),
            "en": (
                "The Civic Affairs Department (Wydział Spraw Obywatelskich) of the Wielkopolska Voivodeship "
                "Office handles Polish citizenship: recognition as a Polish citizen (uznanie za obywatela "
                "polskiego), the grant of citizenship by the President of Poland (nadanie obywatelstwa "
                "polskiego; you apply through the voivode) and confirmation of holding or losing Polish "
                "citizenship. At the customer service desk (room 020) you can file or complete an "
                "application (wniosek), get information about the procedure and, after booking an "
                "appointment (wizyta), inspect your case file. Residence permits and the Pole's Card (Karta "
                "Polaka) are handled by the Foreigners' Affairs Department (Wydział Spraw Cudzoziemców)."
            ),
            "uk": (
                "Відділ у справах громадян (Wydział Spraw Obywatelskich) Великопольського воєводського "
                "управління займається питаннями польського громадянства: визнання польським громадянином "
                "(uznanie za obywatela polskiego), надання громадянства Президентом Польщі (nadanie "
                "obywatelstwa polskiego; заяву подають через воєводу) та підтвердження наявності або втрати "
                "польського громадянства. У пункті обслуговування (кабінет 020) можна подати або доповнити "
                "заяву (wniosek), отримати інформацію про процедуру і, після запису на візит (wizyta), "
                "ознайомитися з матеріалами справи. Питаннями перебування та Карти поляка (Karta Polaka) "
                "займається Відділ у справах іноземців (Wydział Spraw Cudzoziemców)."
            ),
            "ru": (
                "Отдел по делам граждан (Wydział Spraw Obywatelskich) Великопольского воеводского управления "
                "занимается вопросами польского гражданства: признание польским гражданином (uznanie za "
                "obywatela polskiego), предоставление гражданства Президентом Польши (nadanie obywatelstwa "
                "polskiego; заявление подают через воеводу) и подтверждение наличия или утраты польского "
                "гражданства. В пункте обслуживания (кабинет 020) можно подать или дополнить заявление "
                "(wniosek), получить информацию о процедуре и, записавшись на визит (wizyta), ознакомиться с "
                "материалами дела. Вопросами пребывания и Карты поляка (Karta Polaka) занимается Отдел по "
                "делам иностранцев (Wydział Spraw Cudzoziemców)."
            ),
        },
        # accessibility notes: unverified: confirm before go-live (except the statutory 3-working-day notice
        # for an interpreter)
        "accessibility_notes": {
            "pl": (
                "Wejście do budynku przy al. Niepodległości 16/18 bez schodów, pokój 020 na parterze, winda "
                "i toaleta dla osób z niepełnosprawnościami w budynku. Jeśli potrzebujesz tłumacza polskiego "
                "języka migowego (PJM), zgłoś to co najmniej 3 dni robocze przed wizytą."
            ),
            "en": (
                "Step-free entrance to the building at al. Niepodległości 16/18, room 020 on the ground "
                "floor, and a lift and an accessible toilet in the building. If you need a Polish Sign "
                "Language (PJM) interpreter, tell the office at least 3 working days before your visit."
            ),
            "uk": (
                "Вхід до будівлі на al. Niepodległości 16/18 без сходів, кабінет 020 на першому поверсі, у "
                "будівлі є ліфт і туалет для людей з інвалідністю. Якщо вам потрібен перекладач польської "
                "жестової мови (PJM), повідомте управління щонайменше за 3 робочі дні до візиту."
            ),
            "ru": (
                "Вход в здание на al. Niepodległości 16/18 без ступенек, кабинет 020 на первом этаже, в "
                "здании есть лифт и туалет для людей с инвалидностью. Если вам нужен переводчик польского "
                "жестового языка (PJM), сообщите в управление не менее чем за 3 рабочих дня до визита."
            ),
        },
        # (citizenship desk page, undated) https://poznan.uw.gov.pl/en/node/20653
        # room 020; letters by post go to ul. ks. Jakuba Wujka 1, 61-581 Poznań per
        # https://migrant.poznan.uw.gov.pl/pl/procedury/potwierdzenie-posiadania-lub-utraty-obywatelstwa-polskiego
        "street": "al. Niepodległości 16/18",
        "postal_code": "61-713",  # https://poznan.uw.gov.pl/obywatelstwo-polskie
        "city": "Poznań",
        # (citizenship desk page, undated) https://poznan.uw.gov.pl/en/node/20653
        # phone information on working days 8:30-10:00
        "phone": "+48 61 854 10 32",
        # (citizenship desk page, undated) https://poznan.uw.gov.pl/en/node/20653
        "email": "obywatelstwo@poznan.uw.gov.pl",
        # (citizenship desk page, undated) https://poznan.uw.gov.pl/en/node/20653
        # 8:30-10:00 phone only, 10:30-12:30 visits booked online, 13:00-15:30 visits booked by phone
        "opening_hours": [
            (0, "08:30", "15:30"),
            (1, "08:30", "15:30"),
            (2, "08:30", "15:30"),
            (3, "08:30", "15:30"),
            (4, "08:30", "15:30"),
        ],
        "staff_languages": ["pl", "en", "ru"],  # unverified: confirm before go-live
        # (citizenship desk page, undated) https://poznan.uw.gov.pl/en/node/20653
        "services": [
            "polish-citizenship",
            "case-file-inspection",
            "information-consultation",
            "correspondence-submission",
        ],
    },
    {
        "slug": "kalisz-branch-office",
        # details an editor has checked at an official source; the rest show "to be confirmed" on the site
        "confirmed": (),
        "kind": "branch_office",
        "order": 3,
        "name": {
            "pl": "Delegatura w Kaliszu",
            "en": "Kalisz branch office",
            "uk": "Філія у Каліші",
            "ru": "Филиал в Калише",
        },
        "description": {
            "pl": (
                "Delegatura Wielkopolskiego Urzędu Wojewódzkiego w Kaliszu to dogodne miejsce dla osób "
                "mieszkających w południowo-wschodniej części województwa. Od 27 kwietnia 2026 r. wniosek o "
                "zezwolenie na pobyt czasowy, pobyt stały lub pobyt rezydenta długoterminowego UE składa się "
                "wyłącznie online w Module Obsługi Spraw (MOS); tutaj, po wezwaniu z urzędu, oddasz odciski "
                "linii papilarnych i pokażesz oryginał paszportu. Możesz tu też odebrać kartę pobytu, jeśli "
                "jako miejsce odbioru wybrano Kalisz, oraz złożyć pisma w swojej sprawie."
            ),
            "en": (
                "The Kalisz branch office (delegatura) of the Wielkopolska Voivodeship Office is convenient "
                "if you live in the south-east of the region. Since 27 April 2026 an application (wniosek) "
                "for a temporary residence permit, a permanent residence permit or an EU long-term resident "
                "permit can be filed only through the online case module (MOS, Moduł Obsługi Spraw); when "
                "the office calls you, you come here to give your fingerprints (odciski linii papilarnych) "
                "and show your original passport. You can also collect your residence card (karta pobytu) "
                "here if Kalisz was chosen as the collection place, and hand in letters about your case."
            ),
            "uk": (
                "Філія (delegatura) Великопольського воєводського управління у Каліші зручна для тих, хто "
                "живе на південному сході воєводства. З 27 квітня 2026 року заяву (wniosek) про надання "
                "дозволу на тимчасове проживання, дозволу на постійне проживання або дозволу на проживання "
                "довгострокового резидента ЄС подають лише електронно через онлайн-модуль обслуговування "
                "справ (MOS, Moduł Obsługi Spraw); коли управління вас запросить, ви приходите сюди, щоб "
                "здати відбитки пальців (odciski linii papilarnych) і показати оригінал паспорта. Тут також "
                "можна отримати карту побиту (karta pobytu), якщо місцем отримання обрано Каліш, і подати "
                "листи у своїй справі."
            ),
            "ru": (
                "Филиал (delegatura) Великопольского воеводского управления в Калише удобен для тех, кто "
                "живёт на юго-востоке воеводства. С 27 апреля 2026 года заявление (wniosek) о выдаче "
                "разрешения на временное пребывание, разрешения на постоянное пребывание или разрешения на "
                "пребывание долгосрочного резидента ЕС подают только в электронном виде через онлайн-модуль "
                "обслуживания дел (MOS, Moduł Obsługi Spraw); когда управление вас пригласит, вы приходите "
                "сюда, чтобы сдать отпечатки пальцев (odciski linii papilarnych) и предъявить оригинал "
                "паспорта. Здесь же можно получить карту побыту (karta pobytu), если местом получения выбран "
                "Калиш, и подать письма по своему делу."
            ),
        },
        # accessibility notes: unverified: confirm before go-live (except the statutory 3-working-day notice
        # for an interpreter)
        "accessibility_notes": {
            "pl": (
                "Wejście do budynku bez schodów (z podjazdem), obsługa cudzoziemców na parterze i toaleta "
                "dla osób z niepełnosprawnościami. Przy budynku są miejsca parkingowe dla osób z "
                "niepełnosprawnościami. Jeśli potrzebujesz tłumacza polskiego języka migowego (PJM), zgłoś "
                "to co najmniej 3 dni robocze przed wizytą."
            ),
            "en": (
                "Step-free entrance (with a ramp), foreigners are served on the ground floor, and there is "
                "an accessible toilet. There are parking spaces for disabled people next to the building. If "
                "you need a Polish Sign Language (PJM) interpreter, tell the office at least 3 working days "
                "before your visit."
            ),
            "uk": (
                "Вхід до будівлі без сходів (з пандусом), іноземців обслуговують на першому поверсі, є "
                "туалет для людей з інвалідністю. Біля будівлі є паркувальні місця для людей з інвалідністю. "
                "Якщо вам потрібен перекладач польської жестової мови (PJM), повідомте філію щонайменше за 3 "
                "робочі дні до візиту."
            ),
            "ru": (
                "Вход в здание без ступенек (с пандусом), иностранцев обслуживают на первом этаже, есть "
                "туалет для людей с инвалидностью. У здания есть парковочные места для людей с "
                "инвалидностью. Если вам нужен переводчик польского жестового языка (PJM), сообщите в филиал "
                "не менее чем за 3 рабочих дня до визита."
            ),
        },
        # unverified: the branch office is believed to be at ul. Kolegialna 4 (an earlier draft had ul. Kościuszki
        # 12); shown as "to be confirmed" until an editor checks it
        "street": "ul. Kolegialna 4",
        "postal_code": "62-800",  # unverified: confirm before go-live
        "city": "Kalisz",
        # central helpline (verified number, see HELPLINE); no branch-specific number found,
        # unverified: confirm before go-live
        "phone": "+48 61 850 87 77",
        # central e-mail (verified, see HELPLINE); no branch-specific address found,
        # unverified: confirm before go-live
        "email": "cudzoziemcy@poznan.uw.gov.pl",
        # same pattern as the Leszno branch office (2026); unverified: confirm before go-live
        "opening_hours": [
            (0, "07:00", "18:00"),
            (1, "07:00", "16:00"),
            (2, "07:00", "16:00"),
            (3, "07:00", "16:00"),
            (4, "07:00", "16:00"),
        ],
        "staff_languages": ["pl", "en", "uk", "ru"],  # unverified: confirm before go-live
        # fingerprints in branch offices: https://migrant.poznan.uw.gov.pl/hicon/0
        # (notice of 05.07.2024)
        # card collection in Kalisz, Konin, Leszno, Piła:
        # https://migrant.poznan.uw.gov.pl/en/komunikaty/partial-resumption-service-department-foreigners
        # the other services of a branch office are unverified: confirm before go-live
        "services": [
            "fingerprints-personal-appearance",
            "residence-card-collection",
            "information-consultation",
            "correspondence-submission",
            "mos-application-help",
        ],
    },
    {
        "slug": "konin-branch-office",
        # details an editor has checked at an official source; the rest show "to be confirmed" on the site
        "confirmed": (),
        "kind": "branch_office",
        "order": 4,
        "name": {
            "pl": "Delegatura w Koninie",
            "en": "Konin branch office",
            "uk": "Філія у Коніні",
            "ru": "Филиал в Конине",
        },
        "description": {
            "pl": (
                "Delegatura Wielkopolskiego Urzędu Wojewódzkiego w Koninie to dogodne miejsce dla osób "
                "mieszkających w wschodniej części województwa. Od 27 kwietnia 2026 r. wniosek o zezwolenie "
                "na pobyt czasowy, pobyt stały lub pobyt rezydenta długoterminowego UE składa się wyłącznie "
                "online w Module Obsługi Spraw (MOS); tutaj, po wezwaniu z urzędu, oddasz odciski linii "
                "papilarnych i pokażesz oryginał paszportu. Możesz tu też odebrać kartę pobytu, jeśli jako "
                "miejsce odbioru wybrano Konin, oraz złożyć pisma w swojej sprawie."
            ),
            "en": (
                "The Konin branch office (delegatura) of the Wielkopolska Voivodeship Office is convenient "
                "if you live in the east of the region. Since 27 April 2026 an application (wniosek) for a "
                "temporary residence permit, a permanent residence permit or an EU long-term resident permit "
                "can be filed only through the online case module (MOS, Moduł Obsługi Spraw); when the "
                "office calls you, you come here to give your fingerprints (odciski linii papilarnych) and "
                "show your original passport. You can also collect your residence card (karta pobytu) here "
                "if Konin was chosen as the collection place, and hand in letters about your case."
            ),
            "uk": (
                "Філія (delegatura) Великопольського воєводського управління у Коніні зручна для тих, хто "
                "живе на сході воєводства. З 27 квітня 2026 року заяву (wniosek) про надання дозволу на "
                "тимчасове проживання, дозволу на постійне проживання або дозволу на проживання "
                "довгострокового резидента ЄС подають лише електронно через онлайн-модуль обслуговування "
                "справ (MOS, Moduł Obsługi Spraw); коли управління вас запросить, ви приходите сюди, щоб "
                "здати відбитки пальців (odciski linii papilarnych) і показати оригінал паспорта. Тут також "
                "можна отримати карту побиту (karta pobytu), якщо місцем отримання обрано Конін, і подати "
                "листи у своїй справі."
            ),
            "ru": (
                "Филиал (delegatura) Великопольского воеводского управления в Конине удобен для тех, кто "
                "живёт на востоке воеводства. С 27 апреля 2026 года заявление (wniosek) о выдаче разрешения "
                "на временное пребывание, разрешения на постоянное пребывание или разрешения на пребывание "
                "долгосрочного резидента ЕС подают только в электронном виде через онлайн-модуль "
                "обслуживания дел (MOS, Moduł Obsługi Spraw); когда управление вас пригласит, вы приходите "
                "сюда, чтобы сдать отпечатки пальцев (odciski linii papilarnych) и предъявить оригинал "
                "паспорта. Здесь же можно получить карту побыту (karta pobytu), если местом получения выбран "
                "Конин, и подать письма по своему делу."
            ),
        },
        # accessibility notes: unverified: confirm before go-live (except the statutory 3-working-day notice
        # for an interpreter)
        "accessibility_notes": {
            "pl": (
                "Wejście do budynku bez schodów (z podjazdem), obsługa cudzoziemców na parterze i toaleta "
                "dla osób z niepełnosprawnościami. Przy budynku są miejsca parkingowe dla osób z "
                "niepełnosprawnościami. Jeśli potrzebujesz tłumacza polskiego języka migowego (PJM), zgłoś "
                "to co najmniej 3 dni robocze przed wizytą."
            ),
            "en": (
                "Step-free entrance (with a ramp), foreigners are served on the ground floor, and there is "
                "an accessible toilet. There are parking spaces for disabled people next to the building. If "
                "you need a Polish Sign Language (PJM) interpreter, tell the office at least 3 working days "
                "before your visit."
            ),
            "uk": (
                "Вхід до будівлі без сходів (з пандусом), іноземців обслуговують на першому поверсі, є "
                "туалет для людей з інвалідністю. Біля будівлі є паркувальні місця для людей з інвалідністю. "
                "Якщо вам потрібен перекладач польської жестової мови (PJM), повідомте філію щонайменше за 3 "
                "робочі дні до візиту."
            ),
            "ru": (
                "Вход в здание без ступенек (с пандусом), иностранцев обслуживают на первом этаже, есть "
                "туалет для людей с инвалидностью. У здания есть парковочные места для людей с "
                "инвалидностью. Если вам нужен переводчик польского жестового языка (PJM), сообщите в филиал "
                "не менее чем за 3 рабочих дня до визита."
            ),
        },
        "street": "ul. Kardynała Stefana Wyszyńskiego 3",  # unverified: confirm before go-live
        "postal_code": "62-510",  # unverified: confirm before go-live
        "city": "Konin",
        # central helpline (verified number, see HELPLINE); no branch-specific number found,
        # unverified: confirm before go-live
        "phone": "+48 61 850 87 77",
        # central e-mail (verified, see HELPLINE); no branch-specific address found,
        # unverified: confirm before go-live
        "email": "cudzoziemcy@poznan.uw.gov.pl",
        # same pattern as the Leszno branch office (2026); unverified: confirm before go-live
        "opening_hours": [
            (0, "07:00", "18:00"),
            (1, "07:00", "16:00"),
            (2, "07:00", "16:00"),
            (3, "07:00", "16:00"),
            (4, "07:00", "16:00"),
        ],
        "staff_languages": ["pl", "en", "uk"],  # unverified: confirm before go-live
        # fingerprints in branch offices: https://migrant.poznan.uw.gov.pl/hicon/0
        # (notice of 05.07.2024)
        # card collection in Kalisz, Konin, Leszno, Piła:
        # https://migrant.poznan.uw.gov.pl/en/komunikaty/partial-resumption-service-department-foreigners
        # the other services of a branch office are unverified: confirm before go-live
        "services": [
            "fingerprints-personal-appearance",
            "residence-card-collection",
            "information-consultation",
            "correspondence-submission",
            "mos-application-help",
        ],
    },
    {
        "slug": "leszno-branch-office",
        # details an editor has checked at an official source; the rest show "to be confirmed" on the site
        "confirmed": (),
        "kind": "branch_office",
        "order": 5,
        "name": {
            "pl": "Delegatura w Lesznie",
            "en": "Leszno branch office",
            "uk": "Філія у Лешні",
            "ru": "Филиал в Лешно",
        },
        "description": {
            "pl": (
                "Delegatura Wielkopolskiego Urzędu Wojewódzkiego w Lesznie to dogodne miejsce dla osób "
                "mieszkających w południowo-zachodniej części województwa. Od 27 kwietnia 2026 r. wniosek o "
                "zezwolenie na pobyt czasowy, pobyt stały lub pobyt rezydenta długoterminowego UE składa się "
                "wyłącznie online w Module Obsługi Spraw (MOS); tutaj, po wezwaniu z urzędu, oddasz odciski "
                "linii papilarnych i pokażesz oryginał paszportu. Możesz tu też odebrać kartę pobytu, jeśli "
                "jako miejsce odbioru wybrano Leszno, oraz złożyć pisma w swojej sprawie. Delegatura mieści "
                "się w Pałacu Sułkowskich przy placu Kościuszki."
            ),
            "en": (
                "The Leszno branch office (delegatura) of the Wielkopolska Voivodeship Office is convenient "
                "if you live in the south-west of the region. Since 27 April 2026 an application (wniosek) "
                "for a temporary residence permit, a permanent residence permit or an EU long-term resident "
                "permit can be filed only through the online case module (MOS, Moduł Obsługi Spraw); when "
                "the office calls you, you come here to give your fingerprints (odciski linii papilarnych) "
                "and show your original passport. You can also collect your residence card (karta pobytu) "
                "here if Leszno was chosen as the collection place, and hand in letters about your case. The "
                "branch office is in the Sułkowski Palace (Pałac Sułkowskich) on plac Kościuszki."
            ),
            "uk": (
                "Філія (delegatura) Великопольського воєводського управління у Лешні зручна для тих, хто "
                "живе на південному заході воєводства. З 27 квітня 2026 року заяву (wniosek) про надання "
                "дозволу на тимчасове проживання, дозволу на постійне проживання або дозволу на проживання "
                "довгострокового резидента ЄС подають лише електронно через онлайн-модуль обслуговування "
                "справ (MOS, Moduł Obsługi Spraw); коли управління вас запросить, ви приходите сюди, щоб "
                "здати відбитки пальців (odciski linii papilarnych) і показати оригінал паспорта. Тут також "
                "можна отримати карту побиту (karta pobytu), якщо місцем отримання обрано Лешно, і подати "
                "листи у своїй справі. Філія розташована в палаці Сулковських (Pałac Sułkowskich) на площі "
                "Костюшка."
            ),
            "ru": (
                "Филиал (delegatura) Великопольского воеводского управления в Лешно удобен для тех, кто "
                "живёт на юго-западе воеводства. С 27 апреля 2026 года заявление (wniosek) о выдаче "
                "разрешения на временное пребывание, разрешения на постоянное пребывание или разрешения на "
                "пребывание долгосрочного резидента ЕС подают только в электронном виде через онлайн-модуль "
                "обслуживания дел (MOS, Moduł Obsługi Spraw); когда управление вас пригласит, вы приходите "
                "сюда, чтобы сдать отпечатки пальцев (odciski linii papilarnych) и предъявить оригинал "
                "паспорта. Здесь же можно получить карту побыту (karta pobytu), если местом получения "
                "выбрано Лешно, и подать письма по своему делу. Филиал находится во дворце Сулковских (Pałac "
                "Sułkowskich) на площади Костюшко."
            ),
        },
        # accessibility notes: unverified: confirm before go-live (except the statutory 3-working-day notice
        # for an interpreter)
        "accessibility_notes": {
            "pl": (
                "Delegatura mieści się w zabytkowym pałacu: jeśli potrzebujesz wejścia bez schodów, zadzwoń "
                "przed wizytą, a pracownik obsłuży Cię na parterze. W budynku jest toaleta dla osób z "
                "niepełnosprawnościami. Jeśli potrzebujesz tłumacza polskiego języka migowego (PJM), zgłoś "
                "to co najmniej 3 dni robocze przed wizytą."
            ),
            "en": (
                "The branch office is in a historic palace: if you need step-free access, phone before your "
                "visit and a member of staff will serve you on the ground floor. There is an accessible "
                "toilet in the building. If you need a Polish Sign Language (PJM) interpreter, tell the "
                "office at least 3 working days before your visit."
            ),
            "uk": (
                "Філія розташована в історичному палаці: якщо вам потрібен вхід без сходів, зателефонуйте "
                "перед візитом, і працівник обслужить вас на першому поверсі. У будівлі є туалет для людей з "
                "інвалідністю. Якщо вам потрібен перекладач польської жестової мови (PJM), повідомте філію "
                "щонайменше за 3 робочі дні до візиту."
            ),
            "ru": (
                "Филиал находится в историческом дворце: если вам нужен вход без ступенек, позвоните перед "
                "визитом, и сотрудник обслужит вас на первом этаже. В здании есть туалет для людей с "
                "инвалидностью. Если вам нужен переводчик польского жестового языка (PJM), сообщите в филиал "
                "не менее чем за 3 рабочих дня до визита."
            ),
        },
        # Pałac Sułkowskich on plac Kościuszki: (press report, 06.03.2026)
        # https://leszno.eska.pl/powstanie-wielkopolskie-w-leszczynskiej-delegaturze-wyjatkowa-wystawa-w-urzedzie-wojewodzkim-aa-RDM7-Z8FQ-meid.html
        # house number unverified: confirm before go-live
        "street": "pl. Kościuszki 4",
        "postal_code": "64-100",  # unverified: confirm before go-live
        "city": "Leszno",
        # central helpline (verified number, see HELPLINE); no branch-specific number found,
        # unverified: confirm before go-live
        "phone": "+48 61 850 87 77",
        # central e-mail (verified, see HELPLINE); no branch-specific address found,
        # unverified: confirm before go-live
        "email": "cudzoziemcy@poznan.uw.gov.pl",
        # Mon 7:00-18:00, Tue-Fri 7:00-16:00 for the whole branch office: (press report, 06.03.2026)
        # https://leszno.eska.pl/powstanie-wielkopolskie-w-leszczynskiej-delegaturze-wyjatkowa-wystawa-w-urzedzie-wojewodzkim-aa-RDM7-Z8FQ-meid.html
        # hours of the foreigners' desk unverified: confirm before go-live
        "opening_hours": [
            (0, "07:00", "18:00"),
            (1, "07:00", "16:00"),
            (2, "07:00", "16:00"),
            (3, "07:00", "16:00"),
            (4, "07:00", "16:00"),
        ],
        "staff_languages": ["pl", "en", "uk", "de"],  # unverified: confirm before go-live
        # fingerprints in branch offices: https://migrant.poznan.uw.gov.pl/hicon/0
        # (notice of 05.07.2024)
        # card collection in Kalisz, Konin, Leszno, Piła:
        # https://migrant.poznan.uw.gov.pl/en/komunikaty/partial-resumption-service-department-foreigners
        # the other services of a branch office are unverified: confirm before go-live
        "services": [
            "fingerprints-personal-appearance",
            "residence-card-collection",
            "information-consultation",
            "correspondence-submission",
            "mos-application-help",
        ],
    },
    {
        "slug": "pila-branch-office",
        # details an editor has checked at an official source; the rest show "to be confirmed" on the site
        "confirmed": ("address",),
        "kind": "branch_office",
        "order": 6,
        "name": {
            "pl": "Delegatura w Pile",
            "en": "Piła branch office",
            "uk": "Філія у Пілі",
            "ru": "Филиал в Пиле",
        },
        "description": {
            "pl": (
                "Delegatura Wielkopolskiego Urzędu Wojewódzkiego w Pile to dogodne miejsce dla osób "
                "mieszkających w północnej części województwa. Od 27 kwietnia 2026 r. wniosek o zezwolenie "
                "na pobyt czasowy, pobyt stały lub pobyt rezydenta długoterminowego UE składa się wyłącznie "
                "online w Module Obsługi Spraw (MOS); tutaj, po wezwaniu z urzędu, oddasz odciski linii "
                "papilarnych i pokażesz oryginał paszportu. Możesz tu też odebrać kartę pobytu, jeśli jako "
                "miejsce odbioru wybrano Piłę, oraz złożyć pisma w swojej sprawie. Uwaga: cudzoziemców "
                "obsługuje się przy ul. Dzieci Polskich 26, a nie w głównym budynku delegatury."
            ),
            "en": (
                "The Piła branch office (delegatura) of the Wielkopolska Voivodeship Office is convenient if "
                "you live in the north of the region. Since 27 April 2026 an application (wniosek) for a "
                "temporary residence permit, a permanent residence permit or an EU long-term resident permit "
                "can be filed only through the online case module (MOS, Moduł Obsługi Spraw); when the "
                "office calls you, you come here to give your fingerprints (odciski linii papilarnych) and "
                "show your original passport. You can also collect your residence card (karta pobytu) here "
                "if Piła was chosen as the collection place, and hand in letters about your case. Note that "
                "foreigners are served at ul. Dzieci Polskich 26, not in the main branch office building."
            ),
            "uk": (
                "Філія (delegatura) Великопольського воєводського управління у Пілі зручна для тих, хто живе "
                "на півночі воєводства. З 27 квітня 2026 року заяву (wniosek) про надання дозволу на "
                "тимчасове проживання, дозволу на постійне проживання або дозволу на проживання "
                "довгострокового резидента ЄС подають лише електронно через онлайн-модуль обслуговування "
                "справ (MOS, Moduł Obsługi Spraw); коли управління вас запросить, ви приходите сюди, щоб "
                "здати відбитки пальців (odciski linii papilarnych) і показати оригінал паспорта. Тут також "
                "можна отримати карту побиту (karta pobytu), якщо місцем отримання обрано Пілу, і подати "
                "листи у своїй справі. Зверніть увагу: іноземців обслуговують за адресою ul. Dzieci Polskich "
                "26, а не в головній будівлі філії."
            ),
            "ru": (
                "Филиал (delegatura) Великопольского воеводского управления в Пиле удобен для тех, кто живёт "
                "на севере воеводства. С 27 апреля 2026 года заявление (wniosek) о выдаче разрешения на "
                "временное пребывание, разрешения на постоянное пребывание или разрешения на пребывание "
                "долгосрочного резидента ЕС подают только в электронном виде через онлайн-модуль "
                "обслуживания дел (MOS, Moduł Obsługi Spraw); когда управление вас пригласит, вы приходите "
                "сюда, чтобы сдать отпечатки пальцев (odciski linii papilarnych) и предъявить оригинал "
                "паспорта. Здесь же можно получить карту побыту (karta pobytu), если местом получения "
                "выбрана Пила, и подать письма по своему делу. Обратите внимание: иностранцев обслуживают по "
                "адресу ul. Dzieci Polskich 26, а не в главном здании филиала."
            ),
        },
        # accessibility notes: unverified: confirm before go-live (except the statutory 3-working-day notice
        # for an interpreter)
        "accessibility_notes": {
            "pl": (
                "Wejście do budynku bez schodów (z podjazdem), obsługa cudzoziemców na parterze i toaleta "
                "dla osób z niepełnosprawnościami. Przy budynku są miejsca parkingowe dla osób z "
                "niepełnosprawnościami. Jeśli potrzebujesz tłumacza polskiego języka migowego (PJM), zgłoś "
                "to co najmniej 3 dni robocze przed wizytą."
            ),
            "en": (
                "Step-free entrance (with a ramp), foreigners are served on the ground floor, and there is "
                "an accessible toilet. There are parking spaces for disabled people next to the building. If "
                "you need a Polish Sign Language (PJM) interpreter, tell the office at least 3 working days "
                "before your visit."
            ),
            "uk": (
                "Вхід до будівлі без сходів (з пандусом), іноземців обслуговують на першому поверсі, є "
                "туалет для людей з інвалідністю. Біля будівлі є паркувальні місця для людей з інвалідністю. "
                "Якщо вам потрібен перекладач польської жестової мови (PJM), повідомте філію щонайменше за 3 "
                "робочі дні до візиту."
            ),
            "ru": (
                "Вход в здание без ступенек (с пандусом), иностранцев обслуживают на первом этаже, есть "
                "туалет для людей с инвалидностью. У здания есть парковочные места для людей с "
                "инвалидностью. Если вам нужен переводчик польского жестового языка (PJM), сообщите в филиал "
                "не менее чем за 3 рабочих дня до визита."
            ),
        },
        # (page of about 2020, still online) https://www.poznan.uw.gov.pl/informacje-ogolne
        # foreigners' unit moved there on 12.11.2019
        "street": "ul. Dzieci Polskich 26",
        "postal_code": "64-920",
        "city": "Piła",
        # central helpline (verified number, see HELPLINE); no branch-specific number found,
        # unverified: confirm before go-live
        "phone": "+48 61 850 87 77",
        # central e-mail (verified, see HELPLINE); no branch-specific address found,
        # unverified: confirm before go-live
        "email": "cudzoziemcy@poznan.uw.gov.pl",
        # same pattern as the Leszno branch office (2026); unverified: confirm before go-live
        "opening_hours": [
            (0, "07:00", "18:00"),
            (1, "07:00", "16:00"),
            (2, "07:00", "16:00"),
            (3, "07:00", "16:00"),
            (4, "07:00", "16:00"),
        ],
        "staff_languages": ["pl", "en", "uk", "ru"],  # unverified: confirm before go-live
        # fingerprints in branch offices: https://migrant.poznan.uw.gov.pl/hicon/0
        # (notice of 05.07.2024)
        # card collection in Kalisz, Konin, Leszno, Piła:
        # https://migrant.poznan.uw.gov.pl/en/komunikaty/partial-resumption-service-department-foreigners
        # the other services of a branch office are unverified: confirm before go-live
        "services": [
            "fingerprints-personal-appearance",
            "residence-card-collection",
            "information-consultation",
            "correspondence-submission",
            "mos-application-help",
        ],
    },
    {
        "slug": "uam-welcome-center",
        # details an editor has checked at an official source; the rest show "to be confirmed" on the site
        "confirmed": (),
        "kind": "welcome_centre",
        "order": 7,
        "name": {
            "pl": "Welcome Center Uniwersytetu im. Adama Mickiewicza w Poznaniu",
            "en": "Welcome Center of Adam Mickiewicz University, Poznań",
            "uk": "Welcome Center Університету імені Адама Міцкевича в Познані",
            "ru": "Welcome Center Университета имени Адама Мицкевича в Познани",
        },
        "description": {
            "pl": (
                "Welcome Center Uniwersytetu im. Adama Mickiewicza w Poznaniu (UAM) wspiera studentów, "
                "doktorantów i pracowników z zagranicy; nie jest urzędem i nie wydaje decyzji. Pomaga "
                "przygotować wniosek o zezwolenie na pobyt czasowy w celu studiów, który od 27 kwietnia 2026 "
                "r. składa się wyłącznie online w Module Obsługi Spraw (MOS), i podpowiada, jaki adres "
                "e-mail uczelni podać, aby uczelnia wypełniła i podpisała wymagany załącznik. Udziela też "
                "informacji o życiu w Poznaniu i zaprasza na wydarzenia dla nowo przybyłych."
            ),
            "en": (
                "The Welcome Center of Adam Mickiewicz University (Uniwersytet im. Adama Mickiewicza w "
                "Poznaniu, AMU) supports international students, doctoral candidates and staff; it is not a "
                "public office and does not issue decisions (decyzja). It helps you prepare an application "
                "(wniosek) for a temporary residence permit for studies, which since 27 April 2026 can be "
                "filed only through the online case module (MOS, Moduł Obsługi Spraw), and tells you which "
                "university e-mail address to enter so that the university can fill in and sign the required "
                "annex (załącznik). It also gives information about life in Poznań and invites newcomers to "
                "events."
            ),
            "uk": (
                "Welcome Center Університету імені Адама Міцкевича в Познані (Uniwersytet im. Adama "
                "Mickiewicza w Poznaniu, UAM) підтримує іноземних студентів, аспірантів і працівників; це не "
                "державна установа, тож рішень (decyzja) він не видає. Тут допоможуть підготувати заяву "
                "(wniosek) про надання дозволу на тимчасове проживання з метою навчання, яку з 27 квітня "
                "2026 року подають лише електронно через онлайн-модуль обслуговування справ (MOS, Moduł "
                "Obsługi Spraw), і підкажуть, яку електронну адресу університету вказати, щоб університет "
                "заповнив і підписав потрібний додаток (załącznik). Також тут розкажуть про життя в Познані "
                "та запросять на заходи для новоприбулих."
            ),
            "ru": (
                "Welcome Center Университета имени Адама Мицкевича в Познани (Uniwersytet im. Adama "
                "Mickiewicza w Poznaniu, UAM) поддерживает иностранных студентов, аспирантов и сотрудников; "
                "это не государственное учреждение, поэтому решений (decyzja) он не выдаёт. Здесь помогут "
                "подготовить заявление (wniosek) о выдаче разрешения на временное пребывание с целью учёбы, "
                "которое с 27 апреля 2026 года подают только в электронном виде через онлайн-модуль "
                "обслуживания дел (MOS, Moduł Obsługi Spraw), и подскажут, какой адрес электронной почты "
                "университета указать, чтобы университет заполнил и подписал нужное приложение (załącznik). "
                "Также здесь расскажут о жизни в Познани и пригласят на мероприятия для новоприбывших."
            ),
        },
        # accessibility notes: unverified: confirm before go-live (except the statutory 3-working-day notice
        # for an interpreter)
        "accessibility_notes": {
            "pl": (
                "Biuro znajduje się na parterze, z wejściem bez schodów; w budynku jest toaleta dla osób z "
                "niepełnosprawnościami. Jeśli potrzebujesz tłumacza języka migowego lub innej pomocy, napisz "
                "do nas przed wizytą."
            ),
            "en": (
                "The office is on the ground floor with a step-free entrance, and there is an accessible "
                "toilet in the building. If you need a sign language interpreter or other help, write to us "
                "before your visit."
            ),
            "uk": (
                "Офіс розташований на першому поверсі, вхід без сходів; у будівлі є туалет для людей з "
                "інвалідністю. Якщо вам потрібен перекладач жестової мови або інша допомога, напишіть нам "
                "перед візитом."
            ),
            "ru": (
                "Офис находится на первом этаже, вход без ступенек; в здании есть туалет для людей с "
                "инвалидностью. Если вам нужен переводчик жестового языка или другая помощь, напишите нам "
                "перед визитом."
            ),
        },
        # https://folklor.pl/en/news/welcome-center-uam/
        # (office opened there in May 2022)
        # https://ue.poznan.pl/en/university/research-at-pueb/international-researchers-and-visitors/legal-stay
        "street": "ul. Święty Marcin 78",
        "postal_code": "61-809",  # unverified: confirm before go-live
        "city": "Poznań",
        "phone": "+48 61 829 40 00",  # AMU switchboard; unverified: confirm before go-live
        "email": "welcome@amu.edu.pl",  # unverified: confirm before go-live
        # unverified: confirm before go-live
        # ue.poznan.pl (undated) mentions an info point at the Welcome Centre on Wednesdays 8:00-16:00
        "opening_hours": [
            (0, "09:00", "15:00"),
            (1, "09:00", "15:00"),
            (2, "09:00", "15:00"),
            (3, "09:00", "15:00"),
            (4, "09:00", "15:00"),
        ],
        "staff_languages": ["pl", "en", "es", "fr"],  # unverified: confirm before go-live
        # MOS and the university annex: https://wfpik.amu.edu.pl/en/study-with-us/residence-permit
        # https://amu.edu.pl/en/education/mos-electronic-system
        "services": ["student-support", "mos-application-help", "information-consultation"],
    },
]

HELPLINE = {
    # number and e-mail: (page of about 2020, still online) https://www.poznan.uw.gov.pl/informacje-ogolne
    "phone": "+48 61 850 87 77",
    "email": "cudzoziemcy@poznan.uw.gov.pl",
    # hours: unverified: confirm before go-live (the source page gives no hours for the helpline)
    "hours": {
        "pl": "pon.–pt. 8:15–15:15",
        "en": "Mon–Fri 8:15–15:15",
        "uk": "пн–пт 8:15–15:15",
        "ru": "пн–пт 8:15–15:15",
    },
    "name": {
        "pl": "Infolinia Wydziału Spraw Cudzoziemców",
        "en": "Foreigners' Affairs Department helpline",
        "uk": "Гаряча лінія Відділу у справах іноземців",
        "ru": "Горячая линия Отдела по делам иностранцев",
    },
}
