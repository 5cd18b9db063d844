"""Demo data: the glossary of Polish terms (docs/glossary.md) with plain explanations in four languages."""

from typing import Any

GLOSSARY: list[dict[str, Any]] = [
    {
        "slug": "cudzoziemiec",
        "term": {"pl": "cudzoziemiec", "en": "foreigner", "uk": "іноземець", "ru": "иностранец"},
        "explanation": {
            "pl": (
                "Każda osoba, która nie ma obywatelstwa polskiego. To słowo zobaczysz w pismach z urzędu i w ustawie o "
                "cudzoziemcach, która określa zasady Twojego pobytu."
            ),
            "en": (
                "Anyone who does not hold Polish citizenship. You will see this word in letters from the office and in "
                "the Act on Foreigners, which sets the rules for your stay."
            ),
            "uk": (
                "Будь-яка особа, яка не має польського громадянства. Це слово ви побачите в листах з управління та в "
                "Законі про іноземців, який визначає правила вашого перебування."
            ),
            "ru": (
                "Любой человек, у которого нет польского гражданства. Это слово вы увидите в письмах из управления и в "
                "Законе об иностранцах, который определяет правила вашего пребывания."
            ),
        },
    },
    {
        "slug": "obywatel-panstwa-trzeciego-opt",
        "term": {
            "pl": "obywatel państwa trzeciego (OPT)",
            "en": "third-country national",
            "uk": "громадянин третьої країни",
            "ru": "гражданин третьей страны",
        },
        "explanation": {
            "pl": (
                "Cudzoziemiec, który nie jest obywatelem państwa Unii Europejskiej, Europejskiego Obszaru "
                "Gospodarczego ani Szwajcarii. To właśnie ich dotyczą zezwolenia na pobyt opisane na tym portalu."
            ),
            "en": (
                "A foreigner who is not a citizen of an EU country, the European Economic Area or Switzerland. The "
                "residence permits described on this portal are meant for such people."
            ),
            "uk": (
                "Іноземець, який не є громадянином країни Європейського Союзу, Європейської економічної зони чи "
                "Швейцарії. Саме для таких осіб призначені дозволи, описані на цьому порталі."
            ),
            "ru": (
                "Иностранец, который не является гражданином страны Европейского союза, Европейской экономической зоны "
                "или Швейцарии. Именно для таких людей предназначены разрешения, описанные на этом портале."
            ),
        },
    },
    {
        "slug": "legalizacja-pobytu",
        "term": {
            "pl": "legalizacja pobytu",
            "en": "residence legalization",
            "uk": "легалізація перебування",
            "ru": "легализация пребывания",
        },
        "explanation": {
            "pl": (
                "Uzyskanie podstawy do legalnego pobytu w Polsce, np. zezwolenia na pobyt. Od 27 kwietnia 2026 r. "
                "wnioski o pobyt czasowy, stały i rezydenta długoterminowego UE składa się tylko przez MOS."
            ),
            "en": (
                "Getting a legal basis to stay in Poland, e.g. a residence permit. Since 27 April 2026, applications "
                "for temporary, permanent and EU long-term residence are submitted only through MOS."
            ),
            "uk": (
                "Отримання законної підстави для перебування в Польщі, наприклад дозволу. З 27 квітня 2026 р. заяви на "
                "тимчасове, постійне проживання та статус довгострокового резидента ЄС подають лише через MOS."
            ),
            "ru": (
                "Получение законного основания для пребывания в Польше, например разрешения. С 27 апреля 2026 г. "
                "заявления на временное, постоянное пребывание и статус долгосрочного резидента ЕС подаются только "
                "через MOS."
            ),
        },
    },
    {
        "slug": "zezwolenie-na-pobyt-czasowy",
        "term": {
            "pl": "zezwolenie na pobyt czasowy",
            "en": "temporary residence permit",
            "uk": "дозвіл на тимчасове проживання",
            "ru": "разрешение на временное пребывание",
        },
        "explanation": {
            "pl": (
                "Zgoda na pobyt w Polsce w określonym celu, np. pracy, studiów lub łączenia z rodziną, na okres do 3 "
                "lat. Udziela jej wojewoda, a wniosek składa się przez MOS."
            ),
            "en": (
                "Permission to live in Poland for a specific purpose, such as work, studies or family reunification, "
                "for up to 3 years. The voivode grants it; the application is submitted through MOS."
            ),
            "uk": (
                "Дозвіл жити в Польщі з певною метою (робота, навчання, возз'єднання сім'ї) на строк до 3 років. Його "
                "надає воєвода, а заяву подають через MOS."
            ),
            "ru": (
                "Разрешение жить в Польше с определённой целью (работа, учёба, воссоединение семьи) на срок до 3 лет. "
                "Его выдаёт воевода, а заявление подаётся через MOS."
            ),
        },
    },
    {
        "slug": "zezwolenie-na-pobyt-czasowy-i-prace-jednolite-zezwolenie",
        "term": {
            "pl": "zezwolenie na pobyt czasowy i pracę (jednolite zezwolenie)",
            "en": "temporary residence and work permit (single permit)",
            "uk": "дозвіл на тимчасове проживання та роботу",
            "ru": "разрешение на временное пребывание и работу",
        },
        "explanation": {
            "pl": (
                "Jedno zezwolenie, które pozwala mieszkać i pracować w Polsce bez osobnego zezwolenia na pracę. Opłata "
                "skarbowa wynosi 440 zł; pracodawca wypełnia i podpisuje swój załącznik w MOS."
            ),
            "en": (
                "One permit that lets you both live and work in Poland, without a separate work permit. The stamp duty "
                "is 440 zł; your employer fills in and signs its annex in MOS."
            ),
            "uk": (
                "Один дозвіл, який дає право і проживати, і працювати в Польщі без окремого дозволу на роботу. "
                "Гербовий збір становить 440 злотих; роботодавець заповнює та підписує свій додаток у MOS."
            ),
            "ru": (
                "Одно разрешение, которое даёт право и жить, и работать в Польше без отдельного разрешения на работу. "
                "Гербовый сбор составляет 440 злотых; работодатель заполняет и подписывает своё приложение в MOS."
            ),
        },
    },
    {
        "slug": "zezwolenie-na-pobyt-staly",
        "term": {
            "pl": "zezwolenie na pobyt stały",
            "en": "permanent residence permit",
            "uk": "дозвіл на постійне проживання",
            "ru": "разрешение на постоянное пребывание",
        },
        "explanation": {
            "pl": (
                "Zezwolenie na pobyt w Polsce na czas nieoznaczony, udzielane tylko z określonych powodów, np. ze "
                "względu na polskie pochodzenie lub Kartę Polaka. Opłata skarbowa: 640 zł."
            ),
            "en": (
                "A permit to live in Poland for an indefinite period, granted only on specific grounds, e.g. Polish "
                "descent or a Pole's Card. The stamp duty is 640 zł."
            ),
            "uk": (
                "Безстроковий дозвіл на проживання в Польщі, який надають лише з визначених підстав, наприклад через "
                "польське походження або Карту поляка. Гербовий збір: 640 злотих."
            ),
            "ru": (
                "Бессрочное разрешение на пребывание в Польше, которое выдают только по определённым основаниям, "
                "например из-за польского происхождения или Карты поляка. Гербовый сбор: 640 злотых."
            ),
        },
    },
    {
        "slug": "zezwolenie-na-pobyt-rezydenta-dlugoterminowego-ue",
        "term": {
            "pl": "zezwolenie na pobyt rezydenta długoterminowego UE",
            "en": "EU long-term resident permit",
            "uk": "дозвіл на проживання довгострокового резидента ЄС",
            "ru": "разрешение на пребывание долгосрочного резидента ЕС",
        },
        "explanation": {
            "pl": (
                "Zezwolenie na czas nieoznaczony dla osób, które mieszkają w Polsce legalnie i bez przerwy co najmniej "
                "5 lat oraz mają stabilny dochód i ubezpieczenie zdrowotne. Opłata skarbowa: 640 zł."
            ),
            "en": (
                "A permit for an indefinite period for people who have lived in Poland legally and continuously for at "
                "least 5 years and have a stable income and health insurance. Stamp duty: 640 zł."
            ),
            "uk": (
                "Безстроковий дозвіл для тих, хто законно й безперервно проживає в Польщі щонайменше 5 років і має "
                "стабільний дохід та медичне страхування. Гербовий збір: 640 злотих."
            ),
            "ru": (
                "Бессрочное разрешение для тех, кто законно и непрерывно живёт в Польше не менее 5 лет и имеет "
                "стабильный доход и медицинское страхование. Гербовый сбор: 640 злотых."
            ),
        },
    },
    {
        "slug": "laczenie-z-rodzina",
        "term": {
            "pl": "łączenie z rodziną",
            "en": "family reunification",
            "uk": "возз'єднання сім'ї",
            "ru": "воссоединение семьи",
        },
        "explanation": {
            "pl": (
                "Zezwolenie na pobyt czasowy dla członka rodziny (np. małżonka lub małoletniego dziecka) cudzoziemca, "
                "który legalnie mieszka w Polsce. Opłata skarbowa: 340 zł."
            ),
            "en": (
                "A temporary residence permit for a family member (e.g. a spouse or a minor child) of a foreigner who "
                "lives legally in Poland. Stamp duty: 340 zł."
            ),
            "uk": (
                "Дозвіл на тимчасове проживання для члена сім'ї (наприклад, чоловіка чи дружини або неповнолітньої "
                "дитини) іноземця, який законно проживає в Польщі. Гербовий збір: 340 злотих."
            ),
            "ru": (
                "Разрешение на временное пребывание для члена семьи (например, супруга или несовершеннолетнего "
                "ребёнка) иностранца, который законно живёт в Польше. Гербовый сбор: 340 злотых."
            ),
        },
    },
    {
        "slug": "karta-pobytu",
        "term": {"pl": "karta pobytu", "en": "residence card", "uk": "карта побиту", "ru": "карта побыту"},
        "explanation": {
            "pl": (
                "Dokument, który potwierdza Twoją tożsamość i prawo pobytu w Polsce. Razem z paszportem pozwala "
                "przekraczać granicę bez wizy. Opłata za wydanie: 100 zł (ulgowa: 50 zł)."
            ),
            "en": (
                "A document that confirms your identity and your right to stay in Poland. Together with your passport "
                "it lets you cross the border without a visa. Issue fee: 100 zł (reduced: 50 zł)."
            ),
            "uk": (
                "Документ, що підтверджує вашу особу та право на перебування в Польщі. Разом із паспортом дає змогу "
                "перетинати кордон без візи. Плата за видачу: 100 злотих (пільгова: 50 злотих)."
            ),
            "ru": (
                "Документ, который подтверждает вашу личность и право на пребывание в Польше. Вместе с паспортом "
                "позволяет пересекать границу без визы. Плата за выдачу: 100 злотых (льготная: 50 злотых)."
            ),
        },
    },
    {
        "slug": "wymiana-karty-pobytu",
        "term": {
            "pl": "wymiana karty pobytu",
            "en": "residence card replacement",
            "uk": "обмін карти побиту",
            "ru": "замена карты побыту",
        },
        "explanation": {
            "pl": (
                "Wydanie nowej karty pobytu, np. po zmianie Twoich danych, utracie lub uszkodzeniu karty. Opłata: 100 "
                "zł, a gdy kartę utracono z Twojej winy – 200 zł. Sprawę prowadzi wojewoda miejsca pobytu."
            ),
            "en": (
                "Getting a new residence card, e.g. after a change of your data, or if the card is lost or damaged. "
                "Fee: 100 zł, or 200 zł if the loss was your fault. The voivode of your place of stay handles it."
            ),
            "uk": (
                "Отримання нової карти побиту, наприклад після зміни ваших даних, втрати чи пошкодження карти. Плата: "
                "100 злотих, а якщо карту втрачено з вашої вини, 200 злотих. Справу веде воєвода за місцем перебування."
            ),
            "ru": (
                "Получение новой карты побыту, например после изменения ваших данных, утраты или повреждения карты. "
                "Плата: 100 злотых, а если карта утрачена по вашей вине, 200 злотых. Дело ведёт воевода по месту "
                "пребывания."
            ),
        },
    },
    {
        "slug": "wniosek",
        "term": {"pl": "wniosek", "en": "application", "uk": "заява", "ru": "заявление"},
        "explanation": {
            "pl": (
                "Pisemna prośba do urzędu, od której zaczyna się postępowanie, np. o zezwolenie na pobyt. Wniosek w "
                "MOS podpisujesz podpisem zaufanym lub kwalifikowanym; bez podpisu uznaje się go za niezłożony."
            ),
            "en": (
                "A written request to the office that starts proceedings, e.g. for a residence permit. You sign a MOS "
                "application with a trusted or qualified e-signature; unsigned, it counts as not submitted."
            ),
            "uk": (
                "Письмове прохання до управління, з якого починається провадження, наприклад щодо дозволу. Заяву в MOS "
                "підписують довіреним (podpis zaufany) або кваліфікованим підписом; без підпису її вважають неподаною."
            ),
            "ru": (
                "Письменная просьба к управлению, с которой начинается производство, например о разрешении. Заявление "
                "в MOS подписывают доверенной (podpis zaufany) или квалифицированной подписью; без подписи оно "
                "считается неподанным."
            ),
        },
    },
    {
        "slug": "zlozenie-wniosku",
        "term": {
            "pl": "złożenie wniosku",
            "en": "submitting an application",
            "uk": "подання заяви",
            "ru": "подача заявления",
        },
        "explanation": {
            "pl": (
                "Wysłanie wniosku do urzędu. Od 27 kwietnia 2026 r. wnioski o zezwolenie na pobyt składa się tylko "
                "przez MOS; po wysłaniu pobierz UPO (urzędowe poświadczenie odbioru) jako dowód."
            ),
            "en": (
                "Sending your application to the office. Since 27 April 2026, residence permit applications are "
                "submitted only through MOS; after sending, download the UPO (official receipt) as proof."
            ),
            "uk": (
                "Надсилання заяви до управління. З 27 квітня 2026 р. заяви на дозвіл на проживання подають лише через "
                "MOS; після надсилання завантажте UPO (офіційне підтвердження отримання) як доказ."
            ),
            "ru": (
                "Отправка заявления в управление. С 27 апреля 2026 г. заявления о разрешении на пребывание подаются "
                "только через MOS; после отправки скачайте UPO (официальное подтверждение получения) как "
                "доказательство."
            ),
        },
    },
    {
        "slug": "stempel-w-paszporcie",
        "term": {
            "pl": "stempel w paszporcie",
            "en": "passport stamp",
            "uk": "штамп у паспорті",
            "ru": "штамп в паспорте",
        },
        "explanation": {
            "pl": (
                "Dawniej potwierdzał złożenie wniosku w terminie. Od startu MOS (27 kwietnia 2026 r.) zamiast stempla "
                "urząd wystawia zaświadczenie na Twoim koncie MOS; możesz je drukować wiele razy."
            ),
            "en": (
                "It used to confirm that an application was submitted on time. Since MOS started (27 April 2026), the "
                "office issues a certificate (zaświadczenie) in your MOS account instead; you can print it many times."
            ),
            "uk": (
                "Раніше штамп підтверджував вчасне подання заяви. Відколи запрацював MOS (27 квітня 2026 р.), замість "
                "нього управління видає довідку (zaświadczenie) у вашому акаунті MOS; її можна друкувати багато разів."
            ),
            "ru": (
                "Раньше штамп подтверждал своевременную подачу заявления. С запуска MOS (27 апреля 2026 г.) вместо "
                "него управление выдаёт справку (zaświadczenie) в вашей учётной записи MOS; её можно распечатывать "
                "многократно."
            ),
        },
    },
    {
        "slug": "odciski-linii-papilarnych",
        "term": {
            "pl": "odciski linii papilarnych",
            "en": "fingerprints",
            "uk": "відбитки пальців",
            "ru": "отпечатки пальцев",
        },
        "explanation": {
            "pl": (
                "Odciski palców, które urząd pobiera do karty pobytu. Po złożeniu wniosku w MOS dostaniesz wezwanie, "
                "aby je oddać i pokazać oryginał paszportu; postępuj zgodnie z tym pismem."
            ),
            "en": (
                "Your fingerprints, taken by the office for the residence card. After you apply in MOS, the office "
                "will call you in to give them and show your original passport; follow the instructions in that letter."
            ),
            "uk": (
                "Відбитки ваших пальців, які управління знімає для карти побиту. Після подання заяви в MOS вас "
                "викличуть, щоб здати їх і показати оригінал паспорта; дійте так, як зазначено в цьому листі."
            ),
            "ru": (
                "Отпечатки ваших пальцев, которые управление снимает для карты побыту. После подачи заявления в MOS "
                "вас вызовут, чтобы сдать их и показать оригинал паспорта; действуйте так, как указано в этом письме."
            ),
        },
    },
    {
        "slug": "osobiste-stawiennictwo",
        "term": {
            "pl": "osobiste stawiennictwo",
            "en": "personal appearance",
            "uk": "особиста явка",
            "ru": "личная явка",
        },
        "explanation": {
            "pl": (
                "Przyjście do urzędu osobiście na wezwanie, np. aby oddać odciski linii papilarnych i pokazać oryginał "
                "paszportu. Pełnomocnik nie może zrobić tego za Ciebie."
            ),
            "en": (
                "Coming to the office yourself when called, e.g. to give fingerprints and show your original passport. "
                "A representative (with power of attorney) cannot do this for you."
            ),
            "uk": (
                "Особистий прихід до управління за викликом, наприклад щоб здати відбитки пальців і показати оригінал "
                "паспорта. Представник за довіреністю не може зробити це замість вас."
            ),
            "ru": (
                "Личный приход в управление по вызову, например чтобы сдать отпечатки пальцев и показать оригинал "
                "паспорта. Представитель по доверенности не может сделать это за вас."
            ),
        },
    },
    {
        "slug": "wezwanie-do-uzupelnienia-brakow-formalnych",
        "term": {
            "pl": "wezwanie do uzupełnienia braków formalnych",
            "en": "request to remedy formal deficiencies",
            "uk": "вимога усунути формальні недоліки",
            "ru": "требование устранить формальные недостатки",
        },
        "explanation": {
            "pl": (
                "Pismo z urzędu, które wskazuje, czego brakuje we wniosku. Termin jest podany w piśmie (co najmniej 7 "
                "dni); jeśli go nie dotrzymasz, wniosek zostanie pozostawiony bez rozpoznania."
            ),
            "en": (
                "A letter from the office saying what is missing from your application. The deadline is in the letter "
                "(at least 7 days); if you miss it, the application is left without consideration."
            ),
            "uk": (
                "Лист з управління, у якому вказано, чого бракує в заяві. Строк зазначено в листі (щонайменше 7 днів); "
                "якщо його пропустити, заяву залишать без розгляду."
            ),
            "ru": (
                "Письмо из управления, в котором указано, чего не хватает в заявлении. Срок указан в письме (не менее "
                "7 дней); если его пропустить, заявление оставят без рассмотрения."
            ),
        },
    },
    {
        "slug": "postepowanie",
        "term": {"pl": "postępowanie", "en": "proceedings", "uk": "провадження", "ru": "производство"},
        "explanation": {
            "pl": (
                "Sprawa prowadzona przez urząd od złożenia wniosku do wydania decyzji. Jesteś jej stroną: możesz "
                "przeglądać akta i składać wyjaśnienia; zawsze podawaj numer sprawy."
            ),
            "en": (
                "Your case at the office, from submitting an application to the decision. You are a party to it: you "
                "may inspect the case files and give explanations; always quote your case number."
            ),
            "uk": (
                "Ваша справа в управлінні від подання заяви до рішення. Ви сторона провадження: можете ознайомлюватися "
                "з матеріалами справи й надавати пояснення; завжди вказуйте номер справи."
            ),
            "ru": (
                "Ваше дело в управлении от подачи заявления до решения. Вы сторона производства: можете знакомиться с "
                "материалами дела и давать пояснения; всегда указывайте номер дела."
            ),
        },
    },
    {
        "slug": "decyzja",
        "term": {"pl": "decyzja", "en": "decision", "uk": "рішення", "ru": "решение"},
        "explanation": {
            "pl": (
                "Rozstrzygnięcie Twojej sprawy przez wojewodę, np. udzielenie zezwolenia albo odmowa. Od decyzji "
                "możesz złożyć odwołanie w ciągu 14 dni od jej doręczenia."
            ),
            "en": (
                "The voivode's formal ruling on your case, e.g. granting or refusing a permit. You can file an appeal "
                "within 14 days of its delivery."
            ),
            "uk": (
                "Офіційна відповідь воєводи у вашій справі: надання дозволу або відмова. На рішення можна подати "
                "апеляцію протягом 14 днів з дня його вручення."
            ),
            "ru": (
                "Официальный ответ воеводы по вашему делу: предоставление разрешения или отказ. На решение можно "
                "подать апелляцию в течение 14 дней со дня его вручения."
            ),
        },
    },
    {
        "slug": "decyzja-pozytywna-odmowna",
        "term": {
            "pl": "decyzja pozytywna / odmowna",
            "en": "grant / refusal",
            "uk": "позитивне рішення / відмова",
            "ru": "положительное решение / отказ",
        },
        "explanation": {
            "pl": (
                "Decyzja pozytywna to udzielenie zezwolenia, po którym wydaje się kartę pobytu. Od odmowy możesz się "
                "odwołać w ciągu 14 dni; opłaty skarbowej za wnioski złożone od 5 marca 2026 r. się nie zwraca."
            ),
            "en": (
                "A grant means you receive the permit, and then a residence card is issued. You can appeal a refusal "
                "within 14 days; stamp duty for applications submitted since 5 March 2026 is not refunded."
            ),
            "uk": (
                "Позитивне рішення означає надання дозволу, після чого видають карту побиту. Відмову можна оскаржити "
                "протягом 14 днів; гербовий збір за заяви, подані з 5 березня 2026 р., не повертають."
            ),
            "ru": (
                "Положительное решение означает предоставление разрешения, после чего выдают карту побыту. Отказ можно "
                "обжаловать в течение 14 дней; гербовый сбор за заявления, поданные с 5 марта 2026 г., не возвращают."
            ),
        },
    },
    {
        "slug": "umorzenie-postepowania",
        "term": {
            "pl": "umorzenie postępowania",
            "en": "discontinuation of proceedings",
            "uk": "припинення провадження",
            "ru": "прекращение производства",
        },
        "explanation": {
            "pl": (
                "Zakończenie sprawy bez rozstrzygnięcia, np. gdy wycofasz wniosek albo sprawa stała się "
                "bezprzedmiotowa. Opłaty skarbowej za wnioski złożone od 5 marca 2026 r. się nie zwraca."
            ),
            "en": (
                "Ending the case without a ruling on it, e.g. when you withdraw the application or the case becomes "
                "pointless. Stamp duty for applications submitted since 5 March 2026 is not refunded."
            ),
            "uk": (
                "Закриття справи без вирішення по суті, наприклад якщо ви відкликали заяву або справа стала "
                "безпредметною. Гербовий збір за заяви, подані з 5 березня 2026 р., не повертають."
            ),
            "ru": (
                "Закрытие дела без решения по существу, например если вы отозвали заявление или дело стало "
                "беспредметным. Гербовый сбор за заявления, поданные с 5 марта 2026 г., не возвращают."
            ),
        },
    },
    {
        "slug": "odwolanie",
        "term": {"pl": "odwołanie", "en": "appeal", "uk": "апеляція", "ru": "апелляция"},
        "explanation": {
            "pl": (
                "Sposób na zakwestionowanie decyzji wojewody: masz na to 14 dni od jej doręczenia. Odwołanie kierujesz "
                "do Szefa Urzędu do Spraw Cudzoziemców, ale składasz za pośrednictwem Wojewody Wielkopolskiego."
            ),
            "en": (
                "The way to challenge the voivode's decision, within 14 days of its delivery. It is addressed to the "
                "Head of the Office for Foreigners but filed through the Wielkopolska Voivode."
            ),
            "uk": (
                "Спосіб оскаржити рішення воєводи протягом 14 днів з дня його вручення. Апеляцію адресують Голові "
                "Управління у справах іноземців, а подають через Великопольського воєводу."
            ),
            "ru": (
                "Способ обжаловать решение воеводы в течение 14 дней со дня его вручения. Апелляцию адресуют Главе "
                "Управления по делам иностранцев, а подают через Великопольского воеводу."
            ),
        },
    },
    {
        "slug": "ponaglenie",
        "term": {
            "pl": "ponaglenie",
            "en": "formal complaint about delay",
            "uk": "скарга на затягування (ponaglenie)",
            "ru": "жалоба на затягивание (ponaglenie)",
        },
        "explanation": {
            "pl": (
                "Skarga z art. 37 Kodeksu postępowania administracyjnego, gdy minął termin na decyzję lub sprawa trwa "
                "zbyt długo. Adresujesz ją do Szefa Urzędu do Spraw Cudzoziemców, a składasz przez wojewodę."
            ),
            "en": (
                "A complaint under art. 37 of the Code of Administrative Procedure when the time limit for a decision "
                "has passed or the case drags on. Address it to the Head of the Office for Foreigners; file it through "
                "the voivode."
            ),
            "uk": (
                "Скарга за ст. 37 Кодексу адміністративного провадження, якщо строк для рішення минув або справа "
                "затягується. Її адресують Голові Управління у справах іноземців, а подають через воєводу."
            ),
            "ru": (
                "Жалоба по ст. 37 Кодекса административного производства, если срок для решения истёк или дело "
                "затягивается. Её адресуют Главе Управления по делам иностранцев, а подают через воеводу."
            ),
        },
    },
    {
        "slug": "oplata-skarbowa",
        "term": {"pl": "opłata skarbowa", "en": "stamp duty", "uk": "гербовий збір", "ru": "гербовый сбор"},
        "explanation": {
            "pl": (
                "Opłata za udzielenie zezwolenia (zwykle 340–640 zł), płacona z góry przelewem do Urzędu Miasta "
                "Poznania, nie w MOS. Dowód wpłaty dołącz do wniosku; opłata za kartę pobytu (100 zł) to osobny "
                "przelew."
            ),
            "en": (
                "The fee for a permit (usually 340–640 zł), paid in advance by transfer to Poznań City Office, not in "
                "MOS. Attach proof to your application; the 100 zł residence card fee is a separate transfer."
            ),
            "uk": (
                "Плата за дозвіл (зазвичай 340–640 злотих), яку вносять заздалегідь переказом до Управління міста "
                "Познань, а не в MOS. Підтвердження додайте до заяви; плата за карту побиту (100 злотих) — окремий "
                "переказ."
            ),
            "ru": (
                "Плата за разрешение (обычно 340–640 злотых), которую вносят заранее переводом в Управление "
                "города Познани, а не в MOS. Подтверждение приложите к заявлению; плата за карту побыту (100 злотых) — "
                "отдельный перевод."
            ),
        },
    },
    {
        "slug": "pelnomocnik",
        "term": {
            "pl": "pełnomocnik",
            "en": "representative (with power of attorney)",
            "uk": "представник за довіреністю",
            "ru": "представитель по доверенности",
        },
        "explanation": {
            "pl": (
                "Osoba, którą upoważniasz do działania w Twojej sprawie. Złożenie pełnomocnictwa kosztuje 17 zł (bez "
                "opłaty m.in. dla małżonka, rodziców, dzieci, rodzeństwa), ale wniosek w MOS podpisujesz sam."
            ),
            "en": (
                "A person you authorise to act in your case. Filing the power of attorney costs 17 zł (free for, among "
                "others, a spouse, parents, children or siblings), but you sign a MOS application yourself."
            ),
            "uk": (
                "Особа, яку ви уповноважуєте діяти у вашій справі. Подання довіреності коштує 17 злотих (безкоштовно, "
                "зокрема, для чоловіка чи дружини, батьків, дітей, братів і сестер), але заяву в MOS ви підписуєте "
                "самі."
            ),
            "ru": (
                "Человек, которого вы уполномочиваете действовать по вашему делу. Подача доверенности стоит 17 злотых "
                "(бесплатно, в частности, для супруга, родителей, детей, братьев и сестёр), но заявление в MOS вы "
                "подписываете сами."
            ),
        },
    },
    {
        "slug": "numer-sprawy-sygnatura",
        "term": {"pl": "numer sprawy (sygnatura)", "en": "case number", "uk": "номер справи", "ru": "номер дела"},
        "explanation": {
            "pl": (
                "Oznaczenie Twojej sprawy nadane przez urząd, widoczne na jego pismach. Podawaj je w każdym piśmie, "
                "rozmowie telefonicznej i ponagleniu, aby urząd szybko znalazł Twoje akta."
            ),
            "en": (
                "The reference the office gives your case, shown on its letters. Quote it in every letter, phone call "
                "and formal complaint about delay, so that the office can find your file quickly."
            ),
            "uk": (
                "Позначення вашої справи, яке надає управління; його видно в листах з управління. Вказуйте його в "
                "кожному листі, телефонній розмові та скарзі на затягування, щоб вашу справу швидко знайшли."
            ),
            "ru": (
                "Обозначение вашего дела, которое присваивает управление; оно указано в письмах из управления. "
                "Называйте его в каждом письме, телефонном разговоре и жалобе на затягивание, чтобы ваше дело быстро "
                "нашли."
            ),
        },
    },
    {
        "slug": "status-sprawy",
        "term": {"pl": "status sprawy", "en": "case status", "uk": "статус справи", "ru": "статус дела"},
        "explanation": {
            "pl": (
                "Etap, na którym jest Twoja sprawa, np. oczekiwanie na dokumenty, wydana decyzja albo karta pobytu "
                "gotowa do odbioru. Sprawdzisz go na tym portalu po wpisaniu numeru sprawy i kodu dostępu."
            ),
            "en": (
                "The stage your case has reached, e.g. waiting for documents, decision issued or residence card ready "
                "for collection. Check it on this portal with your case number and access code."
            ),
            "uk": (
                "Етап, на якому перебуває ваша справа: наприклад, очікування документів, рішення ухвалено або карта "
                "побиту готова. Перевірити його можна на цьому порталі за номером справи та кодом доступу."
            ),
            "ru": (
                "Этап, на котором находится ваше дело: например, ожидание документов, решение вынесено или карта "
                "побыту готова. Проверить его можно на этом портале по номеру дела и коду доступа."
            ),
        },
    },
    {
        "slug": "wizyta",
        "term": {"pl": "wizyta", "en": "appointment", "uk": "візит", "ru": "визит"},
        "explanation": {
            "pl": (
                "Umówione spotkanie w Wydziale Spraw Cudzoziemców lub w delegaturze o konkretnej godzinie, np. aby "
                "oddać odciski linii papilarnych lub odebrać kartę pobytu. Zabierz paszport."
            ),
            "en": (
                "A booked time at the Foreigners' Affairs Department or a branch office, e.g. to give fingerprints or "
                "collect your residence card. Bring your passport."
            ),
            "uk": (
                "Призначена зустріч у Відділі у справах іноземців або у філії на певний час, наприклад щоб здати "
                "відбитки пальців чи отримати карту побиту. Візьміть із собою паспорт."
            ),
            "ru": (
                "Назначенная встреча в Отделе по делам иностранцев или в филиале на определённое время, например чтобы "
                "сдать отпечатки пальцев или получить карту побыту. Возьмите с собой паспорт."
            ),
        },
    },
    {
        "slug": "rezerwacja-wizyty",
        "term": {
            "pl": "rezerwacja wizyty",
            "en": "appointment booking",
            "uk": "запис на візит",
            "ru": "запись на визит",
        },
        "explanation": {
            "pl": (
                "Wybranie dnia i godziny wizyty w urzędzie, np. na tym portalu. Jeśli nie możesz przyjść, odwołaj "
                "rezerwację, aby termin mógł dostać ktoś inny."
            ),
            "en": (
                "Choosing a day and time for your appointment at the office, e.g. on this portal. If you cannot come, "
                "cancel the booking so that someone else can take the slot."
            ),
            "uk": (
                "Вибір дня та часу візиту до управління, наприклад на цьому порталі. Якщо не можете прийти, скасуйте "
                "запис, щоб цей час міг отримати хтось інший."
            ),
            "ru": (
                "Выбор дня и времени визита в управление, например на этом портале. Если не можете прийти, отмените "
                "запись, чтобы это время мог получить кто-то другой."
            ),
        },
    },
    {
        "slug": "odbior-karty-pobytu",
        "term": {
            "pl": "odbiór karty pobytu",
            "en": "residence card collection",
            "uk": "отримання карти побиту",
            "ru": "получение карты побыту",
        },
        "explanation": {
            "pl": (
                "Osobisty odbiór gotowej karty pobytu w Poznaniu lub w wybranej wcześniej delegaturze. Sprawdź w "
                "statusie sprawy, czy karta jest gotowa, i zabierz paszport."
            ),
            "en": (
                "Collecting your ready residence card in person, in Poznań or at the branch office you chose earlier. "
                "Check the case status to see if the card is ready, and bring your passport."
            ),
            "uk": (
                "Особисте отримання готової карти побиту в Познані або в обраній раніше філії. Перевірте за статусом "
                "справи, чи готова карта, і візьміть із собою паспорт."
            ),
            "ru": (
                "Личное получение готовой карты побыту в Познани или в выбранном ранее филиале. Проверьте по статусу "
                "дела, готова ли карта, и возьмите с собой паспорт."
            ),
        },
    },
    {
        "slug": "zgloszenie",
        "term": {"pl": "zgłoszenie", "en": "enquiry", "uk": "звернення", "ru": "обращение"},
        "explanation": {
            "pl": (
                "Pytanie lub prośba o informację wysłane przez ten portal albo złożone w punkcie informacyjnym. To nie "
                "jest wniosek: zgłoszenie nie rozpoczyna postępowania ani nie zastępuje pism w sprawie."
            ),
            "en": (
                "A question or request for information sent through this portal or raised at an information point. It "
                "is not an application: an enquiry does not start proceedings or replace letters in your case."
            ),
            "uk": (
                "Питання чи запит про інформацію, надіслані через цей портал або подані в інформаційному пункті. Це не "
                "заява: звернення не розпочинає провадження і не замінює листів у справі."
            ),
            "ru": (
                "Вопрос или запрос информации, отправленный через этот портал или заданный в информационном пункте. "
                "Это не заявление: обращение не начинает производство и не заменяет писем по делу."
            ),
        },
    },
    {
        "slug": "bilet-kolejkowy",
        "term": {"pl": "bilet kolejkowy (numerek)", "en": "queue ticket", "uk": "талон черги", "ru": "талон очереди"},
        "explanation": {
            "pl": (
                "Bilet z numerem, który dostajesz w punkcie informacyjnym, gdy przychodzisz bez rezerwacji wizyty. "
                "Poczekaj, aż Twój numer zostanie wywołany, i podejdź do wskazanego stanowiska."
            ),
            "en": (
                "A numbered ticket you get at an information point when you come without an appointment booking. Wait "
                "until your number is called, then go to the desk shown."
            ),
            "uk": (
                "Талон із номером, який ви отримуєте в інформаційному пункті, якщо прийшли без запису на візит. "
                "Зачекайте, поки викличуть ваш номер, і підійдіть до вказаного віконця."
            ),
            "ru": (
                "Талон с номером, который вы получаете в информационном пункте, если пришли без записи на визит. "
                "Дождитесь, пока вызовут ваш номер, и подойдите к указанному окну."
            ),
        },
    },
    {
        "slug": "punkt-informacyjny",
        "term": {
            "pl": "punkt informacyjny",
            "en": "information point",
            "uk": "інформаційний пункт",
            "ru": "информационный пункт",
        },
        "explanation": {
            "pl": (
                "Miejsce w urzędzie, gdzie dowiesz się, jakie zezwolenie pasuje do Twojej sytuacji, jakie dokumenty "
                "przygotować, jak złożyć wniosek w MOS i co oznacza pismo z urzędu. Nie wydaje decyzji."
            ),
            "en": (
                "A desk at the office where you learn which permit fits your situation, what documents to prepare, how "
                "to apply in MOS and what a letter from the office means. It does not issue decisions."
            ),
            "uk": (
                "Місце в управлінні, де підкажуть, який дозвіл вам підходить, які документи підготувати, як подати "
                "заяву в MOS і що означає лист з управління. Рішень тут не ухвалюють."
            ),
            "ru": (
                "Место в управлении, где подскажут, какое разрешение вам подходит, какие документы подготовить, как "
                "подать заявление в MOS и что означает письмо из управления. Решений здесь не принимают."
            ),
        },
    },
    {
        "slug": "infolinia",
        "term": {"pl": "infolinia", "en": "helpline", "uk": "гаряча лінія", "ru": "горячая линия"},
        "explanation": {
            "pl": (
                "Telefon Wydziału Spraw Cudzoziemców dla ogólnych pytań o procedury i dokumenty. Przygotuj numer "
                "sprawy; przez telefon nie złożysz wniosku ani odwołania."
            ),
            "en": (
                "The Foreigners' Affairs Department's phone line for general questions about procedures and documents. "
                "Have your case number ready; you cannot submit an application or an appeal by phone."
            ),
            "uk": (
                "Телефонна лінія Відділу у справах іноземців для загальних питань про процедури й документи. Тримайте "
                "під рукою номер справи; телефоном не можна подати заяву чи апеляцію."
            ),
            "ru": (
                "Телефонная линия Отдела по делам иностранцев для общих вопросов о процедурах и документах. Держите "
                "под рукой номер дела; по телефону нельзя подать заявление или апелляцию."
            ),
        },
    },
    {
        "slug": "delegatura",
        "term": {"pl": "delegatura", "en": "branch office", "uk": "філія", "ru": "филиал"},
        "explanation": {
            "pl": (
                "Zamiejscowy oddział Wielkopolskiego Urzędu Wojewódzkiego w Kaliszu, Koninie, Lesznie lub Pile. Możesz "
                "tam oddać odciski linii papilarnych i odebrać kartę pobytu bez jazdy do Poznania."
            ),
            "en": (
                "A local office of the Wielkopolska Voivodeship Office in Kalisz, Konin, Leszno or Piła. You can give "
                "fingerprints and collect your residence card there without travelling to Poznań."
            ),
            "uk": (
                "Місцевий підрозділ Великопольського воєводського управління в Каліші, Коніні, Лешні або Пілі. Там "
                "можна здати відбитки пальців і отримати карту побиту, не їдучи до Познані."
            ),
            "ru": (
                "Местное подразделение Великопольского воеводского управления в Калише, Конине, Лешно или Пиле. Там "
                "можно сдать отпечатки пальцев и получить карту побыту, не выезжая в Познань."
            ),
        },
    },
    {
        "slug": "wielkopolski-urzad-wojewodzki-w-poznaniu",
        "term": {
            "pl": "Wielkopolski Urząd Wojewódzki w Poznaniu",
            "en": "Wielkopolska Voivodeship Office in Poznań",
            "uk": "Великопольське воєводське управління в Познані",
            "ru": "Великопольское воеводское управление в Познани",
        },
        "explanation": {
            "pl": (
                "Urząd wojewody, czyli przedstawiciela rządu w województwie wielkopolskim. Jego Wydział Spraw "
                "Cudzoziemców prowadzi sprawy pobytowe cudzoziemców mieszkających w Wielkopolsce."
            ),
            "en": (
                "The office of the voivode, the government's representative in the Wielkopolska region. Its "
                "Foreigners' Affairs Department handles residence cases of foreigners living in Wielkopolska."
            ),
            "uk": (
                "Установа воєводи, тобто представника уряду у Великопольському воєводстві. Її Відділ у справах "
                "іноземців веде справи щодо перебування іноземців, які живуть у Великопольщі."
            ),
            "ru": (
                "Учреждение воеводы, то есть представителя правительства в Великопольском воеводстве. Его Отдел по "
                "делам иностранцев ведёт дела о пребывании иностранцев, живущих в Великопольше."
            ),
        },
    },
    {
        "slug": "wydzial-spraw-cudzoziemcow",
        "term": {
            "pl": "Wydział Spraw Cudzoziemców",
            "en": "Foreigners' Affairs Department",
            "uk": "Відділ у справах іноземців",
            "ru": "Отдел по делам иностранцев",
        },
        "explanation": {
            "pl": (
                "Wydział Wielkopolskiego Urzędu Wojewódzkiego, który prowadzi sprawy zezwoleń na pobyt i wydaje karty "
                "pobytu. Obsługuje klientów w Poznaniu i w delegaturach."
            ),
            "en": (
                "The department of the Wielkopolska Voivodeship Office that handles residence permit cases and issues "
                "residence cards. It serves clients in Poznań and at the branch offices."
            ),
            "uk": (
                "Підрозділ Великопольського воєводського управління, який веде справи щодо дозволів на проживання та "
                "видає карти побиту. Обслуговує клієнтів у Познані та у філіях."
            ),
            "ru": (
                "Подразделение Великопольского воеводского управления, которое ведёт дела о разрешениях на пребывание "
                "и выдаёт карты побыту. Обслуживает клиентов в Познани и в филиалах."
            ),
        },
    },
    {
        "slug": "wojewoda-wielkopolski",
        "term": {
            "pl": "Wojewoda Wielkopolski",
            "en": "Wielkopolska Voivode",
            "uk": "Великопольський воєвода",
            "ru": "Великопольский воевода",
        },
        "explanation": {
            "pl": (
                "Przedstawiciel rządu w województwie. W pierwszej instancji decyduje o zezwoleniach na pobyt dla "
                "cudzoziemców mieszkających w Wielkopolsce; pisma w Twojej sprawie wydaje się w jego imieniu."
            ),
            "en": (
                "The government's representative in the region. At first instance, the voivode decides on residence "
                "permits for foreigners living in Wielkopolska; letters in your case are issued in the voivode's name."
            ),
            "uk": (
                "Представник уряду у воєводстві. Як орган першої інстанції ухвалює рішення щодо дозволів на проживання "
                "для іноземців, які живуть у Великопольщі; листи у вашій справі видають від його імені."
            ),
            "ru": (
                "Представитель правительства в воеводстве. Как орган первой инстанции принимает решения о разрешениях "
                "на пребывание для иностранцев, живущих в Великопольше; письма по вашему делу выдаются от его имени."
            ),
        },
    },
    {
        "slug": "szef-urzedu-do-spraw-cudzoziemcow",
        "term": {
            "pl": "Szef Urzędu do Spraw Cudzoziemców",
            "en": "Head of the Office for Foreigners",
            "uk": "Голова Управління у справах іноземців",
            "ru": "Глава Управления по делам иностранцев",
        },
        "explanation": {
            "pl": (
                "Organ centralny w Warszawie, który rozpatruje odwołania od decyzji wojewody i ponaglenia. Pisma do "
                "niego składasz za pośrednictwem Wojewody Wielkopolskiego."
            ),
            "en": (
                "The central authority in Warsaw that hears appeals against the voivode's decisions and formal "
                "complaints about delay. You file them through the Wielkopolska Voivode."
            ),
            "uk": (
                "Центральний орган у Варшаві, який розглядає апеляції на рішення воєводи та скарги на затягування. Їх "
                "подають через Великопольського воєводу."
            ),
            "ru": (
                "Центральный орган в Варшаве, который рассматривает апелляции на решения воеводы и жалобы на "
                "затягивание. Их подают через Великопольского воеводу."
            ),
        },
    },
    {
        "slug": "ustawa-o-cudzoziemcach",
        "term": {
            "pl": "ustawa o cudzoziemcach",
            "en": "Act on Foreigners",
            "uk": "Закон про іноземців",
            "ru": "Закон об иностранцах",
        },
        "explanation": {
            "pl": (
                "Ustawa z 12 grudnia 2013 r., główne prawo o wjeździe, pobycie i zezwoleniach dla cudzoziemców w "
                "Polsce. Od 27 kwietnia 2026 r. nakazuje składać wnioski o zezwolenia na pobyt przez MOS."
            ),
            "en": (
                "The Act of 12 December 2013, the main law on entry, stay and permits for foreigners in Poland. Since "
                "27 April 2026 it requires residence permit applications to be submitted through MOS."
            ),
            "uk": (
                "Закон від 12 грудня 2013 р., основний закон про в'їзд, перебування та дозволи для іноземців у Польщі. "
                "З 27 квітня 2026 р. він вимагає подавати заяви на дозвіл на проживання через MOS."
            ),
            "ru": (
                "Закон от 12 декабря 2013 г., основной закон о въезде, пребывании и разрешениях для иностранцев в "
                "Польше. С 27 апреля 2026 г. он требует подавать заявления о разрешении на пребывание через MOS."
            ),
        },
    },
    {
        "slug": "modul-obslugi-spraw-mos",
        "term": {
            "pl": "Moduł Obsługi Spraw (MOS)",
            "en": "online case module (MOS)",
            "uk": "онлайн-модуль обслуговування справ (MOS)",
            "ru": "онлайн-модуль обслуживания дел (MOS)",
        },
        "explanation": {
            "pl": (
                "Serwis mos.cudzoziemcy.gov.pl, przez który od 27 kwietnia 2026 r. składa się wnioski o pobyt. Załóż "
                "nowe konto (konta ze starego MOS nie zostały przeniesione) i loguj się przez login.gov.pl."
            ),
            "en": (
                "The website mos.cudzoziemcy.gov.pl, the only way to submit residence applications since 27 April "
                "2026. Create a new account (old MOS accounts were not carried over) and log in via login.gov.pl."
            ),
            "uk": (
                "Сайт mos.cudzoziemcy.gov.pl, з 27 квітня 2026 р. єдиний спосіб подати заяву на дозвіл. Створіть новий "
                "акаунт (старі акаунти MOS не перенесено) і входьте через login.gov.pl."
            ),
            "ru": (
                "Сайт mos.cudzoziemcy.gov.pl, с 27 апреля 2026 г. единственный способ подать заявление о разрешении. "
                "Создайте новую учётную запись (старые учётные записи MOS не перенесены) и входите через login.gov.pl."
            ),
        },
    },
    {
        "slug": "ubezpieczenie-zdrowotne",
        "term": {
            "pl": "ubezpieczenie zdrowotne",
            "en": "health insurance",
            "uk": "медичне страхування",
            "ru": "медицинское страхование",
        },
        "explanation": {
            "pl": (
                "Ubezpieczenie pokrywające koszty leczenia w Polsce: publiczne (NFZ), np. dzięki pracy, albo prywatna "
                "polisa. Jest wymagane m.in. przy zezwoleniu na pobyt w celu studiów i na pobyt rezydenta "
                "długoterminowego UE."
            ),
            "en": (
                "Insurance that covers medical treatment in Poland: public (NFZ), e.g. through your job, or a private "
                "policy. It is required, among others, for a study permit and for the EU long-term resident permit."
            ),
            "uk": (
                "Страхування, яке покриває лікування в Польщі: державне (NFZ), наприклад через роботу, або приватний "
                "поліс. Воно потрібне, зокрема, для дозволу на навчання та дозволу довгострокового резидента ЄС."
            ),
            "ru": (
                "Страхование, которое покрывает лечение в Польше: государственное (NFZ), например через работу, или "
                "частный полис. Оно нужно, в частности, для разрешения на учёбу и разрешения долгосрочного резидента "
                "ЕС."
            ),
        },
    },
    {
        "slug": "umowa-o-prace",
        "term": {
            "pl": "umowa o pracę",
            "en": "employment contract",
            "uk": "трудовий договір",
            "ru": "трудовой договор",
        },
        "explanation": {
            "pl": (
                "Umowa według Kodeksu pracy, która daje m.in. płatny urlop oraz ubezpieczenie zdrowotne i społeczne. "
                "Przy jednolitym zezwoleniu pracodawca wypełnia i podpisuje swój załącznik w MOS."
            ),
            "en": (
                "A contract under the Labour Code that gives you, among others, paid leave and health and social "
                "insurance. For a single permit, your employer fills in and signs its annex in MOS."
            ),
            "uk": (
                "Договір за Трудовим кодексом, який дає, зокрема, оплачувану відпустку, медичне й соціальне "
                "страхування. Для дозволу на тимчасове проживання та роботу роботодавець заповнює свій додаток у MOS."
            ),
            "ru": (
                "Договор по Трудовому кодексу, который даёт, в частности, оплачиваемый отпуск, медицинское и "
                "социальное страхование. Для разрешения на временное пребывание и работу работодатель заполняет своё "
                "приложение в MOS."
            ),
        },
    },
    {
        "slug": "pesel",
        "term": {"pl": "PESEL", "en": "PESEL number", "uk": "номер PESEL", "ru": "номер PESEL"},
        "explanation": {
            "pl": (
                "11-cyfrowy numer identyfikacyjny w polskim rejestrze. Przydaje się w urzędach, u lekarza i w banku, a "
                "w praktyce jest potrzebny do profilu zaufanego, którym można podpisać wniosek w MOS."
            ),
            "en": (
                "An 11-digit identification number in the Polish register, used at offices, doctors and banks. In "
                "practice you need it for the Trusted Profile (Profil Zaufany), which can sign a MOS application."
            ),
            "uk": (
                "11-значний ідентифікаційний номер у польському реєстрі, потрібний в установах, у лікаря та в банку. "
                "На практиці без нього не створити довірений профіль (Profil Zaufany) для підпису заяви в MOS."
            ),
            "ru": (
                "11-значный идентификационный номер в польском реестре, нужный в учреждениях, у врача и в банке. На "
                "практике без него не создать доверенный профиль (Profil Zaufany) для подписи заявления в MOS."
            ),
        },
    },
]

# Booking, queue and site terms: the words the interface uses for the appointment and info-point journeys.
GLOSSARY += [
    {
        "slug": "przewodnik",
        "term": {"pl": "przewodnik", "en": "guide", "uk": "довідник", "ru": "руководство"},
        "explanation": {
            "pl": (
                "Strona tego portalu, która krok po kroku opisuje jedną procedurę: dla kogo, dokumenty, opłaty, "
                "terminy."
            ),
            "en": (
                "A page of this portal that explains one procedure step by step: who it is for, documents, fees, time "
                "limits."
            ),
            "uk": (
                "Сторінка цього порталу, яка крок за кроком описує одну процедуру: для кого, документи, оплати, строки."
            ),
            "ru": (
                "Страница этого портала, которая шаг за шагом описывает одну процедуру: для кого, документы, оплаты, "
                "сроки."
            ),
        },
        "avoid": {"pl": ["poradnik*"], "uk": ["путівник*", "порадник*", "посібник*"], "ru": ["путеводител*"]},
    },
    {
        "slug": "zaswiadczenie",
        "term": {"pl": "zaświadczenie", "en": "certificate", "uk": "довідка", "ru": "справка"},
        "explanation": {
            "pl": (
                "Dokument urzędu, który potwierdza fakt, np. złożenie wniosku w terminie (w MOS zastępuje dawny "
                "stempel w paszporcie). Zaświadczenie wydawane na wniosek kosztuje 17 zł opłaty skarbowej."
            ),
            "en": (
                "An office document confirming a fact, e.g. that an application was filed on time (in MOS it replaces "
                "the former passport stamp). A certificate issued on request costs 17 zł stamp duty."
            ),
            "uk": (
                "Документ управління, що підтверджує факт, наприклад вчасне подання заяви (у MOS він замінює колишній "
                "штамп у паспорті). Довідка, видана на заяву, коштує 17 зл гербового збору."
            ),
            "ru": (
                "Документ управления, подтверждающий факт, например своевременную подачу заявления (в MOS он заменяет "
                "прежний штамп в паспорте). Справка, выданная по заявлению, стоит 17 зл гербового сбора."
            ),
        },
        "avoid": {"uk": ["посвідчення (zaświadczenie)"], "ru": ["удостоверение (zaświadczenie)"]},
    },
    {
        "slug": "urzad-miasta-poznania",
        "term": {
            "pl": "Urząd Miasta Poznania",
            "en": "Poznań City Office",
            "uk": "Управління міста Познань",
            "ru": "Управление города Познани",
        },
        "explanation": {
            "pl": "Urząd miasta, nie wojewody. Na jego konto wpłaca się opłatę skarbową za zezwolenie na pobyt.",
            "en": "The city's office, not the voivode's. The stamp duty for a residence permit is paid to its account.",
            "uk": "Міська установа, а не воєводи. На її рахунок сплачують гербовий збір за дозвіл на проживання.",
            "ru": "Городское учреждение, а не воеводы. На его счёт платят гербовый сбор за разрешение на пребывание.",
        },
        "avoid": {
            "en": ["City Hall"],
            "uk": ["міська рада", "міської ради", "мері*", "міське управління"],
            "ru": ["городская управа", "городского управления", "мэри*"],
        },
    },
    {
        "slug": "profil-zaufany",
        "term": {
            "pl": "profil zaufany",
            "en": "trusted profile",
            "uk": "довірений профіль",
            "ru": "доверенный профиль",
        },
        "explanation": {
            "pl": (
                "Bezpłatne konto w państwowym systemie login.gov.pl, którym można podpisać wniosek w MOS (podpis "
                "zaufany)."
            ),
            "en": (
                "A free account in the state's login.gov.pl system; it lets you sign a MOS application (trusted "
                "profile signature)."
            ),
            "uk": "Безкоштовний обліковий запис у державній системі login.gov.pl, яким можна підписати заяву в MOS.",
            "ru": (
                "Бесплатная учётная запись в государственной системе login.gov.pl, которой можно подписать заявление "
                "в MOS."
            ),
        },
        "avoid": {"en": ["trusted signature"]},
    },
    {
        "slug": "konto-mos",
        "term": {"pl": "konto w MOS", "en": "MOS account", "uk": "обліковий запис MOS", "ru": "учётная запись MOS"},
        "explanation": {
            "pl": "Twoje konto w Module Obsługi Spraw: tu składasz wniosek i tu pojawiają się pisma i zaświadczenie.",
            "en": (
                "Your account in the online case module: you file the application there, and letters and the "
                "certificate appear there."
            ),
            "uk": "Ваш обліковий запис в онлайн-модулі: тут ви подаєте заяву, тут з'являються листи й довідка.",
            "ru": "Ваша учётная запись в онлайн-модуле: здесь вы подаёте заявление, здесь появляются письма и справка.",
        },
        "avoid": {"pl": ["w Twoim koncie"], "ru": ["аккаунт*"]},
    },
    {
        "slug": "termin-wizyty",
        "term": {"pl": "termin wizyty", "en": "appointment time", "uk": "час запису", "ru": "время записи"},
        "explanation": {
            "pl": "Dzień i godzina zarezerwowanej wizyty. Wolne terminy to godziny, które można jeszcze zarezerwować.",
            "en": "The day and hour of a booked appointment. Free times are the hours that can still be booked.",
            "uk": "День і година запису на візит. Вільні місця для запису – години, які ще можна забронювати.",
            "ru": "День и час записи на визит. Свободные окна для записи – часы, которые ещё можно забронировать.",
        },
        "avoid": {"uk": ["вільним часом", "вільний час"], "ru": ["свободным временем", "свободное время"]},
    },
    {
        "slug": "kod-rezerwacji",
        "term": {"pl": "kod rezerwacji", "en": "booking reference", "uk": "код запису", "ru": "код записи"},
        "explanation": {
            "pl": "Krótki kod, który dostajesz po rezerwacji wizyty; podajesz go, gdy zmieniasz lub odwołujesz wizytę.",
            "en": "A short code you get after booking an appointment; you give it to change or cancel the appointment.",
            "uk": (
                "Короткий код, який ви отримуєте після запису на візит; він потрібен, щоб змінити чи скасувати візит."
            ),
            "ru": (
                "Короткий код, который вы получаете после записи на визит; он нужен, чтобы изменить или отменить визит."
            ),
        },
    },
    {
        "slug": "kod-przybycia",
        "term": {
            "pl": "kod przybycia",
            "en": "check-in code",
            "uk": "код реєстрації прибуття",
            "ru": "код регистрации прибытия",
        },
        "explanation": {
            "pl": "Kod z potwierdzenia rezerwacji, który wpisujesz w biletomacie przy wejściu, aby zgłosić przybycie.",
            "en": (
                "The code in your booking confirmation that you type at the ticket kiosk at the entrance to check in."
            ),
            "uk": (
                "Код із підтвердження запису, який ви вводите в терміналі для талонів біля входу, щоб зареєструвати "
                "прибуття."
            ),
            "ru": (
                "Код из подтверждения записи, который вы вводите в терминале для талонов у входа, чтобы отметить "
                "прибытие."
            ),
        },
    },
    {
        "slug": "lista-oczekujacych",
        "term": {"pl": "lista oczekujących", "en": "waiting list", "uk": "список очікування", "ru": "лист ожидания"},
        "explanation": {
            "pl": (
                "Lista osób, które czekają na zwolnienie się terminu wizyty; gdy termin się zwolni, dostają wiadomość."
            ),
            "en": "A list of people waiting for an appointment time to become free; when one does, they get a message.",
            "uk": (
                "Список людей, які чекають, поки звільниться час запису; коли це станеться, вони отримують "
                "повідомлення."
            ),
            "ru": "Список людей, ожидающих, пока освободится время записи; когда это случится, они получают сообщение.",
        },
    },
    {
        "slug": "losowanie",
        "term": {"pl": "losowanie", "en": "draw", "uk": "жеребкування", "ru": "жеребьёвка"},
        "explanation": {
            "pl": "Sposób przydziału terminów, gdy chętnych jest więcej niż miejsc: o kolejności decyduje los.",
            "en": (
                "A way of sharing appointment times when more people want them than there are places: chance decides."
            ),
            "uk": "Спосіб розподілу часу запису, коли охочих більше, ніж місць: черговість визначає жереб.",
            "ru": "Способ распределения времени записи, когда желающих больше, чем мест: очередность решает жребий.",
        },
    },
    {
        "slug": "biletomat",
        "term": {"pl": "biletomat", "en": "ticket kiosk", "uk": "термінал для талонів", "ru": "терминал для талонов"},
        "explanation": {
            "pl": "Urządzenie przy wejściu, które wydaje bilety kolejkowe (numerki) i przyjmuje kod przybycia.",
            "en": "The machine at the entrance that gives out queue tickets and accepts the check-in code.",
            "uk": "Пристрій біля входу, який видає талони черги та приймає код реєстрації прибуття.",
            "ru": "Устройство у входа, которое выдаёт талоны очереди и принимает код регистрации прибытия.",
        },
        "avoid": {"uk": ["кіоску"], "ru": ["киоске"]},
    },
    {
        "slug": "stanowisko-obslugi",
        "term": {"pl": "stanowisko obsługi", "en": "desk", "uk": "вікно обслуговування", "ru": "окно обслуживания"},
        "explanation": {
            "pl": "Miejsce, do którego podchodzisz, gdy ekran wywoła Twój numer; ma numer pokazany na ekranie.",
            "en": "The place you go to when the screen calls your number; its number is shown on the screen.",
            "uk": "Місце, до якого ви підходите, коли екран викликає ваш номер; його номер показано на екрані.",
            "ru": "Место, к которому вы подходите, когда экран вызывает ваш номер; его номер показан на экране.",
        },
    },
]

# Variants that already appeared on the site for an existing concept and must not come back.
_AVOID_EXISTING: dict[str, dict[str, list[str]]] = {
    "wezwanie-do-uzupelnienia-brakow-formalnych": {
        "en": ["complete missing documents", "request for missing documents"],
    },
}
for _entry in GLOSSARY:
    _entry.setdefault("avoid", {}).update(_AVOID_EXISTING.get(_entry["slug"], {}))

# Calques and wrong words that are not a glossary concept of their own, with the wording to use instead.
CALQUES: list[dict[str, str]] = [
    {"language": "uk", "avoid": "важить", "use": "має значення"},
    {"language": "uk", "avoid": "відбере відбитки", "use": "візьме відбитки"},
    {"language": "uk", "avoid": "апеляцію на рішення", "use": "оскаржити рішення"},
    {"language": "uk", "avoid": "апеляцію на неї", "use": "її не оскаржують"},
    {"language": "ru", "avoid": "держим это время", "use": "это время закреплено за вами"},
    {"language": "ru", "avoid": "не поданным", "use": "неподанным"},
    # The FAQ section has one name in each language.
    {"language": "uk", "avoid": "запитання і відповід*", "use": "питання та відповіді"},
    {"language": "uk", "avoid": "часті питання", "use": "питання та відповіді"},
    {"language": "ru", "avoid": "частые вопросы", "use": "вопросы и ответы"},
]
