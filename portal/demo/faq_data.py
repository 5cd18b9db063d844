"""Demo data: frequently asked questions, by guide category (facts as the guides state them, November 2026;
sources in docs/sources.md).

Each entry: slug (also the anchor on the FAQ page), category slug, question and answer in pl/en/uk/ru.
"""

from typing import Any


def entry(slug: str, category: str, question: tuple[str, ...], answer: tuple[str, ...]) -> dict[str, Any]:
    languages = ("pl", "en", "uk", "ru")
    return {
        "slug": slug,
        "category": category,
        "question": dict(zip(languages, question, strict=True)),
        "answer": dict(zip(languages, answer, strict=True)),
    }


FAQ: list[dict[str, Any]] = [
    # --- Filing in MOS (all procedures; listed under work, the most read category) ---
    entry(
        "how-do-i-file-an-application",
        "work",
        (
            "Jak złożyć wniosek o zezwolenie na pobyt?",
            "How do I file a residence permit application?",
            "Як подати заяву на дозвіл на проживання?",
            "Как подать заявление на разрешение на пребывание?",
        ),
        (
            "Od 27 kwietnia 2026 r. wyłącznie online w Module Obsługi Spraw (MOS): mos.cudzoziemcy.gov.pl. "
            "Wniosków papierowych urząd nie rozpatruje.",
            "Since 27 April 2026 only online, in the online case module (MOS): mos.cudzoziemcy.gov.pl. Paper "
            "applications are not examined.",
            "З 27 квітня 2026 року лише онлайн, в онлайн-модулі обслуговування справ (MOS): "
            "mos.cudzoziemcy.gov.pl. Паперові заяви не розглядаються.",
            "С 27 апреля 2026 года только онлайн, в онлайн-модуле обслуживания дел (MOS): mos.cudzoziemcy.gov.pl. "
            "Бумажные заявления не рассматриваются.",
        ),
    ),
    entry(
        "old-mos-account",
        "work",
        (
            "Czy mogę użyć konta ze starego MOS?",
            "Can I use my account from the old MOS?",
            "Чи можу я скористатися обліковим записом зі старого MOS?",
            "Могу ли я использовать учётную запись из старого MOS?",
        ),
        (
            "Nie. Konta ze starego systemu nie zostały przeniesione; załóż nowe konto i zaloguj się przez "
            "login.gov.pl.",
            "No. Accounts from the old system were not carried over; create a new account and log in through "
            "login.gov.pl.",
            "Ні. Облікові записи зі старої системи не перенесено; створіть новий обліковий запис і увійдіть через "
            "login.gov.pl.",
            "Нет. Учётные записи из старой системы не перенесены; создайте новую учётную запись и войдите через "
            "login.gov.pl.",
        ),
    ),
    entry(
        "how-to-sign-in-mos",
        "work",
        (
            "Jak podpisać wniosek w MOS?",
            "How do I sign the application in MOS?",
            "Як підписати заяву в MOS?",
            "Как подписать заявление в MOS?",
        ),
        (
            "Podpisem zaufanym (Profil Zaufany) albo kwalifikowanym podpisem elektronicznym. Niepodpisany wniosek "
            "uważa się za niezłożony. Profil Zaufany wymaga w praktyce numeru PESEL.",
            "With a trusted profile signature (Profil Zaufany) or a qualified electronic signature. An unsigned "
            "application counts as not filed. In practice a Profil Zaufany needs a PESEL number.",
            "Довіреним підписом (Profil Zaufany) або кваліфікованим електронним підписом. Непідписана заява "
            "вважається неподаною. На практиці для Profil Zaufany потрібен номер PESEL.",
            "Доверенной подписью (Profil Zaufany) или квалифицированной электронной подписью. Неподписанное "
            "заявление считается неподанным. На практике для Profil Zaufany нужен номер PESEL.",
        ),
    ),
    entry(
        "employer-annex-in-mos",
        "work",
        (
            "Jak pracodawca wypełnia załącznik do wniosku?",
            "How does my employer fill in the annex to my application?",
            "Як роботодавець заповнює додаток до заяви?",
            "Как работодатель заполняет приложение к заявлению?",
        ),
        (
            "W MOS podajesz e-mail pracodawcy. Pracodawca dostaje link, wypełnia załącznik i podpisuje go "
            "elektronicznie.",
            "In MOS you give your employer's e-mail address. The employer receives a link, fills in the annex and "
            "signs it electronically.",
            "У MOS ви вказуєте e-mail роботодавця. Роботодавець отримує посилання, заповнює додаток і підписує "
            "його електронно.",
            "В MOS вы указываете e-mail работодателя. Работодатель получает ссылку, заполняет приложение и "
            "подписывает его электронно.",
        ),
    ),
    entry(
        "single-permit-fee",
        "work",
        (
            "Ile kosztuje zezwolenie na pobyt czasowy i pracę?",
            "How much does the temporary residence and work permit cost?",
            "Скільки коштує дозвіл на тимчасове проживання та роботу?",
            "Сколько стоит разрешение на временное пребывание и работу?",
        ),
        (
            "Opłata skarbowa wynosi 440 zł, a opłata za kartę pobytu 100 zł. To dwa osobne przelewy na dwa różne "
            "konta.",
            "The stamp duty is 440 zł and the residence card fee 100 zł. They are two separate transfers to two "
            "different accounts.",
            "Гербовий збір становить 440 злотих, а плата за карту побиту — 100 злотих. Це два окремі перекази на "
            "два різні рахунки.",
            "Гербовый сбор составляет 440 злотых, а плата за карту побыту — 100 злотых. Это два отдельных "
            "перевода на два разных счёта.",
        ),
    ),
    # --- Studies ---
    entry(
        "studies-permit-fee",
        "study",
        (
            "Ile kosztuje zezwolenie na pobyt w celu studiów?",
            "How much does a residence permit for studies cost?",
            "Скільки коштує дозвіл на проживання з метою навчання?",
            "Сколько стоит разрешение на пребывание с целью учёбы?",
        ),
        (
            "Opłata skarbowa wynosi 340 zł, a opłata za kartę pobytu 100 zł. Jeśli celem pobytu w Polsce są "
            "studia, za kartę płaci się obniżoną opłatę 50 zł (art. 237 ust. 1 pkt 2 ustawy o cudzoziemcach).",
            "The stamp duty is 340 zł and the residence card fee 100 zł. If study is the purpose of your stay in "
            "Poland, you pay the reduced card fee of 50 zł (art. 237 ust. 1 pkt 2 of the Act on Foreigners).",
            "Гербовий збір становить 340 злотих, а плата за карту побиту — 100 злотих. Якщо мета вашого "
            "перебування в Польщі — навчання, за карту сплачують знижену плату 50 злотих (ст. 237 ч. 1 п. 2 "
            "Закону про іноземців).",
            "Гербовый сбор составляет 340 злотых, а плата за карту побыту — 100 злотых. Если цель вашего "
            "пребывания в Польше — учёба, за карту платят сниженную плату 50 злотых (ст. 237 ч. 1 п. 2 Закона "
            "об иностранцах).",
        ),
    ),
    entry(
        "annex-5-university",
        "study",
        (
            "Kto wypełnia załącznik nr 5?",
            "Who fills in Annex No. 5?",
            "Хто заповнює додаток № 5?",
            "Кто заполняет приложение № 5?",
        ),
        (
            "Uczelnia. W MOS podajesz e-mail uczelni, a ona wypełnia i podpisuje załącznik.",
            "Your university. In MOS you give the university's e-mail address, and it fills in and signs the annex.",
            "Ваш університет. У MOS ви вказуєте e-mail університету, і він заповнює та підписує додаток.",
            "Ваш университет. В MOS вы указываете e-mail университета, и он заполняет и подписывает приложение.",
        ),
    ),
    entry(
        "graduates-work-permit",
        "study",
        (
            "Czy po studiach w Polsce potrzebuję zezwolenia na pracę?",
            "Do I need a work permit after graduating in Poland?",
            "Чи потрібен мені дозвіл на роботу після навчання в Польщі?",
            "Нужно ли мне разрешение на работу после учёбы в Польше?",
        ),
        (
            "Nie. Od 1 czerwca 2025 r. absolwenci wszystkich polskich studiów wyższych są zwolnieni z obowiązku "
            "posiadania zezwolenia na pracę.",
            "No. Since 1 June 2025 graduates of all Polish higher-education programmes are exempt from work permits.",
            "Ні. З 1 червня 2025 року випускники всіх польських вищих навчальних програм звільнені від обов'язку "
            "мати дозвіл на роботу.",
            "Нет. С 1 июня 2025 года выпускники всех польских программ высшего образования освобождены от "
            "обязанности иметь разрешение на работу.",
        ),
    ),
    # --- Family ---
    entry(
        "family-reunification-fee",
        "family",
        (
            "Ile kosztuje zezwolenie w celu połączenia z rodziną?",
            "How much does a permit for family reunification cost?",
            "Скільки коштує дозвіл з метою возз'єднання сім'ї?",
            "Сколько стоит разрешение с целью воссоединения семьи?",
        ),
        (
            "Opłata skarbowa wynosi 340 zł, a opłata za kartę pobytu 100 zł (50 zł dla dzieci poniżej 16 lat).",
            "The stamp duty is 340 zł and the residence card fee 100 zł (50 zł for children under 16).",
            "Гербовий збір становить 340 злотих, а плата за карту побиту — 100 злотих "
            "(50 злотих для дітей до 16 років).",
            "Гербовый сбор составляет 340 злотых, а плата за карту побыту — 100 злотых (50 злотых для "
            "детей до 16 лет).",
        ),
    ),
    entry(
        "family-legal-basis",
        "family",
        (
            "Na jakiej podstawie prawnej członek rodziny dostaje zezwolenie?",
            "What is the legal basis of a family member's permit?",
            "На якій правовій підставі член сім'ї отримує дозвіл?",
            "На каком правовом основании член семьи получает разрешение?",
        ),
        (
            "Art. 159 ust. 1 ustawy o cudzoziemcach określa warunki zezwolenia na pobyt czasowy w celu połączenia "
            "z rodziną.",
            "Art. 159(1) of the Act on Foreigners sets the conditions of the temporary residence permit for family "
            "reunification.",
            "Ст. 159 ч. 1 Закону про іноземців визначає умови дозволу на тимчасове проживання з метою "
            "возз'єднання сім'ї.",
            "Ст. 159 ч. 1 Закона об иностранцах определяет условия разрешения на временное пребывание с целью "
            "воссоединения семьи.",
        ),
    ),
    entry(
        "child-card-reduced-fee",
        "family",
        (
            "Czy za kartę pobytu dziecka płacę mniej?",
            "Do I pay less for my child's residence card?",
            "Чи платити менше за карту побиту дитини?",
            "Платить ли меньше за карту побыту ребёнка?",
        ),
        (
            "Tak. Za dziecko, które w dniu złożenia wniosku nie ma 16 lat, płacisz 50 zł zamiast 100 zł.",
            "Yes. For a child under 16 on the day of the application you pay 50 zł instead of 100 zł.",
            "Так. За дитину, якій на день подання заяви ще немає 16 років, ви платите 50 злотих замість 100.",
            "Да. За ребёнка, которому на день подачи заявления ещё нет 16 лет, вы платите 50 злотых вместо 100.",
        ),
    ),
    # --- Business ---
    entry(
        "business-permit-fee",
        "business",
        (
            "Ile kosztuje zezwolenie w celu prowadzenia działalności gospodarczej?",
            "How much does a permit to run a business cost?",
            "Скільки коштує дозвіл з метою ведення підприємницької діяльності?",
            "Сколько стоит разрешение с целью ведения предпринимательской деятельности?",
        ),
        (
            "Opłata skarbowa wynosi 340 zł (art. 142 ustawy o cudzoziemcach), a opłata za kartę pobytu 100 zł.",
            "The stamp duty is 340 zł (art. 142 of the Act on Foreigners) and the residence card fee 100 zł.",
            "Гербовий збір становить 340 злотих (ст. 142 Закону про іноземців), а плата за карту побиту — 100 злотих.",
            "Гербовый сбор составляет 340 злотых (ст. 142 Закона об иностранцах), а плата за карту побыту — "
            "100 злотых.",
        ),
    ),
    entry(
        "business-blue-card-holder",
        "business",
        (
            "Czy z Niebieską Kartą UE mogę prowadzić firmę?",
            "Can I run a business with an EU Blue Card?",
            "Чи можу я вести бізнес із Блакитною картою ЄС?",
            "Могу ли я вести бизнес с Голубой картой ЕС?",
        ),
        (
            "Tak. Od 1 czerwca 2025 r. posiadacze Niebieskiej Karty UE mogą prowadzić działalność gospodarczą na "
            "zasadach obowiązujących Polaków.",
            "Yes. Since 1 June 2025 EU Blue Card holders may run a business on the same terms as Polish citizens.",
            "Так. З 1 червня 2025 року власники Блакитної карти ЄС можуть вести підприємницьку діяльність на тих "
            "самих умовах, що й громадяни Польщі.",
            "Да. С 1 июня 2025 года владельцы Голубой карты ЕС могут вести предпринимательскую деятельность на тех "
            "же условиях, что и граждане Польши.",
        ),
    ),
    entry(
        "blue-card-change-job",
        "work",
        (
            "Czy z Niebieską Kartą UE mogę zmienić pracodawcę?",
            "Can I change employer with an EU Blue Card?",
            "Чи можу я змінити роботодавця з Блакитною картою ЄС?",
            "Могу ли я сменить работодателя с Голубой картой ЕС?",
        ),
        (
            "Tak, jeśli kartę wydano po 1 czerwca 2025 r.: decyzja nie wskazuje już pracodawcy. O zmianie trzeba "
            "zawiadomić urząd.",
            "Yes, if the card was issued after 1 June 2025: the decision no longer names the employer. You must "
            "notify the office of the change.",
            "Так, якщо карту видано після 1 червня 2025 року: у рішенні більше не вказано роботодавця. Про зміну "
            "потрібно повідомити управління.",
            "Да, если карта выдана после 1 июня 2025 года: в решении больше не указан работодатель. О смене нужно "
            "уведомить управление.",
        ),
    ),
    # --- Permanent residence ---
    entry(
        "permanent-residence-fee",
        "permanent-stay",
        (
            "Ile kosztuje zezwolenie na pobyt stały?",
            "How much does a permanent residence permit cost?",
            "Скільки коштує дозвіл на постійне проживання?",
            "Сколько стоит разрешение на постоянное пребывание?",
        ),
        (
            "Opłata skarbowa wynosi 640 zł, a opłata za kartę pobytu 100 zł. Z opłaty skarbowej zwolnieni są m.in. "
            "posiadacze Karty Polaka.",
            "The stamp duty is 640 zł and the residence card fee 100 zł. Pole's Card holders, among others, are "
            "exempt from the stamp duty.",
            "Гербовий збір становить 640 злотих, а плата за карту побиту — 100 злотих. Від гербового збору "
            "звільнені, зокрема, власники Карти поляка.",
            "Гербовый сбор составляет 640 злотых, а плата за карту побыту — 100 злотых. От гербового сбора "
            "освобождены, в частности, владельцы Карты поляка.",
        ),
    ),
    entry(
        "permanent-residence-time",
        "permanent-stay",
        (
            "Ile trwa postępowanie o pobyt stały?",
            "How long do permanent residence proceedings take?",
            "Скільки триває провадження щодо постійного проживання?",
            "Сколько длится производство по постоянному пребыванию?",
        ),
        (
            "Ustawowy termin to 6 miesięcy. Nie wlicza się do niego m.in. okresów zawieszenia i opóźnień z winy "
            "strony.",
            "The statutory time limit is 6 months. Periods of suspension and delays caused by the applicant, among "
            "others, do not count.",
            "Встановлений законом строк — 6 місяців. До нього не зараховуються, зокрема, періоди зупинення та "
            "затримки з вини сторони.",
            "Установленный законом срок — 6 месяцев. В него не засчитываются, в частности, периоды приостановления "
            "и задержки по вине стороны.",
        ),
    ),
    entry(
        "poles-card-permanent",
        "permanent-stay",
        (
            "Mam Kartę Polaka. Czy mogę dostać pobyt stały?",
            "I hold a Pole's Card. Can I get permanent residence?",
            "У мене є Карта поляка. Чи можу я отримати постійне проживання?",
            "У меня есть Карта поляка. Могу ли я получить постоянное пребывание?",
        ),
        (
            "Tak, Karta Polaka jest jedną z podstaw z art. 195 ust. 1 ustawy o cudzoziemcach. Nie płacisz wtedy "
            "opłaty skarbowej.",
            "Yes, the Pole's Card is one of the grounds of art. 195(1) of the Act on Foreigners. You then pay no "
            "stamp duty.",
            "Так, Карта поляка є однією з підстав ст. 195 ч. 1 Закону про іноземців. У такому разі гербовий збір "
            "не сплачується.",
            "Да, Карта поляка является одним из оснований ст. 195 ч. 1 Закона об иностранцах. В этом случае "
            "гербовый сбор не платится.",
        ),
    ),
    # --- EU long-term residence ---
    entry(
        "eu-long-term-fee",
        "eu-long-term",
        (
            "Ile kosztuje zezwolenie na pobyt rezydenta długoterminowego UE?",
            "How much does an EU long-term resident permit cost?",
            "Скільки коштує дозвіл на проживання довгострокового резидента ЄС?",
            "Сколько стоит разрешение на пребывание долгосрочного резидента ЕС?",
        ),
        (
            "Opłata skarbowa wynosi 640 zł, a opłata za kartę pobytu 100 zł.",
            "The stamp duty is 640 zł and the residence card fee 100 zł.",
            "Гербовий збір становить 640 злотих, а плата за карту побиту — 100 злотих.",
            "Гербовый сбор составляет 640 злотых, а плата за карту побыту — 100 злотых.",
        ),
    ),
    entry(
        "eu-long-term-vs-permanent",
        "eu-long-term",
        (
            "Czym różni się rezydent długoterminowy UE od pobytu stałego?",
            "How does EU long-term residence differ from permanent residence?",
            "Чим відрізняється довгостроковий резидент ЄС від постійного проживання?",
            "Чем отличается долгосрочный резидент ЕС от постоянного пребывания?",
        ),
        (
            "To dwa różne zezwolenia z innymi warunkami (art. 211 i art. 195 ustawy o cudzoziemcach). Porównanie "
            "znajdziesz w naszych przewodnikach.",
            "They are two different permits with different conditions (art. 211 and art. 195 of the Act on "
            "Foreigners). Our guides compare them.",
            "Це два різні дозволи з різними умовами (ст. 211 і ст. 195 Закону про іноземців). Порівняння є в "
            "наших довідниках.",
            "Это два разных разрешения с разными условиями (ст. 211 и ст. 195 Закона об иностранцах). Сравнение "
            "есть в наших руководствах.",
        ),
    ),
    entry(
        "eu-long-term-time",
        "eu-long-term",
        (
            "Ile trwa postępowanie o pobyt rezydenta długoterminowego UE?",
            "How long do EU long-term residence proceedings take?",
            "Скільки триває провадження щодо проживання довгострокового резидента ЄС?",
            "Сколько длится производство по пребыванию долгосрочного резидента ЕС?",
        ),
        (
            "Ustawowy termin wynosi 6 miesięcy. Nie wlicza się do niego m.in. okresów zawieszenia postępowania.",
            "The statutory time limit is 6 months. Periods when the proceedings are suspended, among others, "
            "do not count.",
            "Встановлений законом строк — 6 місяців. До нього не зараховуються, зокрема, періоди зупинення "
            "провадження.",
            "Установленный законом срок — 6 месяцев. В него не засчитываются, в частности, периоды "
            "приостановления производства.",
        ),
    ),
    # --- Residence card ---
    entry(
        "residence-card-fee",
        "residence-card",
        (
            "Ile kosztuje karta pobytu?",
            "How much does a residence card cost?",
            "Скільки коштує карта побиту?",
            "Сколько стоит карта побыту?",
        ),
        (
            "100 zł. Obniżona opłata 50 zł dotyczy osób w trudnej sytuacji materialnej, uczniów szkół "
            "ponadpodstawowych i studentów, jeśli nauka jest celem pobytu w Polsce, oraz dzieci poniżej 16 lat "
            "(art. 237 ustawy o cudzoziemcach).",
            "100 zł. The reduced fee of 50 zł applies to people in a difficult financial situation, to secondary-"
            "school pupils and university students whose purpose of stay in Poland is study, and to children "
            "under 16 (art. 237 of the Act on Foreigners).",
            "100 злотих. Знижена плата 50 злотих стосується осіб у скрутному матеріальному становищі, учнів "
            "середніх шкіл і студентів, якщо навчання є метою перебування в Польщі, та дітей до 16 років "
            "(ст. 237 Закону про іноземців).",
            "100 злотых. Сниженная плата 50 злотых касается лиц в трудном материальном положении, учащихся "
            "средних школ и студентов, если учёба является целью пребывания в Польше, и детей до 16 лет "
            "(ст. 237 Закона об иностранцах).",
        ),
    ),
    entry(
        "lost-residence-card",
        "residence-card",
        (
            "Zgubiona karta pobytu: ile kosztuje nowa?",
            "I lost my residence card. How much will a new one cost?",
            "Карту побиту загублено: скільки коштує нова?",
            "Карта побыту потеряна: сколько стоит новая?",
        ),
        (
            "Jeśli utrata lub zniszczenie nastąpiły z Twojej winy, wymiana kosztuje 200 zł, a każda kolejna taka "
            "wymiana 300 zł (rozporządzenie MSWiA z 26 lipca 2022 r., Dz.U. 2022 poz. 1583; kwotę potwierdzi "
            "urząd).",
            "If the card was lost or destroyed through your own fault, the replacement costs 200 zł, and each "
            "further such replacement 300 zł (regulation of 26 July 2022, Dz.U. 2022 poz. 1583; the office will "
            "confirm the amount).",
            "Якщо карту втрачено або знищено з вашої вини, обмін коштує 200 злотих, а кожен наступний такий обмін "
            "— 300 злотих (постанова від 26 липня 2022 р., Dz.U. 2022 poz. 1583; суму підтвердить управління).",
            "Если карта утеряна или уничтожена по вашей вине, замена стоит 200 злотых, а каждая следующая такая "
            "замена — 300 злотых (постановление от 26 июля 2022 г., Dz.U. 2022 poz. 1583; сумму подтвердит "
            "управление).",
        ),
    ),
    entry(
        "replacement-legal-basis",
        "residence-card",
        (
            "Kiedy trzeba wymienić kartę pobytu?",
            "When must a residence card be replaced?",
            "Коли потрібно обміняти карту побиту?",
            "Когда нужно заменить карту побыту?",
        ),
        (
            "Przypadki wymiany wymienia art. 241 ustawy o cudzoziemcach, np. zmiana danych, zmiana wizerunku "
            "twarzy, utrata lub uszkodzenie karty.",
            "The cases are listed in art. 241 of the Act on Foreigners, e.g. a change of your data or appearance, "
            "or a lost or damaged card.",
            "Випадки обміну перелічено в ст. 241 Закону про іноземців, наприклад зміна даних, зміна зовнішності, "
            "втрата або пошкодження карти.",
            "Случаи замены перечислены в ст. 241 Закона об иностранцах, например изменение данных, изменение "
            "внешности, утрата или повреждение карты.",
        ),
    ),
    entry(
        "certificate-instead-of-stamp",
        "residence-card",
        (
            "Czy nadal dostanę stempel w paszporcie?",
            "Will I still get a passport stamp?",
            "Чи отримаю я штамп у паспорті?",
            "Получу ли я штамп в паспорте?",
        ),
        (
            "Nie. Stempel zastąpiło zaświadczenie, które pojawia się na Twoim koncie MOS. Możesz je drukować wiele "
            "razy.",
            "No. The stamp was replaced by a certificate (zaświadczenie) that appears in your MOS account. You can "
            "print it many times.",
            "Ні. Штамп замінила довідка (zaświadczenie), яка з'являється у вашому обліковому записі MOS. "
            "Його можна друкувати багато разів.",
            "Нет. Штамп заменила справка (zaświadczenie), которая появляется в вашей учётной записи MOS. Её можно "
            "печатать много раз.",
        ),
    ),
    # --- Citizens of Ukraine ---
    entry(
        "temporary-protection-until",
        "ukraine",
        (
            "Do kiedy trwa ochrona czasowa?",
            "How long does temporary protection last?",
            "До якого часу діє тимчасовий захист?",
            "До какого времени действует временная защита?",
        ),
        (
            "Do 4 marca 2027 r., zgodnie z decyzją wykonawczą Rady (UE) 2025/1460.",
            "Until 4 March 2027, under Council Implementing Decision (EU) 2025/1460.",
            "До 4 березня 2027 року відповідно до імплементаційного рішення Ради (ЄС) 2025/1460.",
            "До 4 марта 2027 года в соответствии с имплементационным решением Совета (ЕС) 2025/1460.",
        ),
    ),
    entry(
        "who-can-get-cukr",
        "ukraine",
        (
            "Kto może dostać kartę CUKR?",
            "Who can get a CUKR card?",
            "Хто може отримати карту CUKR?",
            "Кто может получить карту CUKR?",
        ),
        (
            "Obywatele Ukrainy i członkowie ich rodzin, którzy mają status UKR w dniu wniosku, mieli go 4 czerwca "
            "2025 r. i nieprzerwanie przez co najmniej 365 dni.",
            "Citizens of Ukraine and their family members who hold UKR status on the day of the application, held "
            "it on 4 June 2025 and held it without a break for at least 365 days.",
            "Громадяни України та члени їхніх сімей, які мають статус UKR у день подання заяви, мали його "
            "4 червня 2025 року і безперервно щонайменше 365 днів.",
            "Граждане Украины и члены их семей, у которых есть статус UKR в день подачи заявления, был 4 июня "
            "2025 года и непрерывно не менее 365 дней.",
        ),
    ),
    entry(
        "pesel-ukr-deadline",
        "ukraine",
        (
            "Ile mam czasu na wniosek o PESEL UKR po przyjeździe?",
            "How long do I have to apply for PESEL UKR after arriving?",
            "Скільки в мене часу на заяву про PESEL UKR після приїзду?",
            "Сколько у меня времени на заявление о PESEL UKR после приезда?",
        ),
        (
            "30 dni od przekroczenia granicy. Bez wniosku o PESEL UKR ochrona wygasa.",
            "30 days from crossing the border. Without a PESEL UKR application the protection lapses.",
            "30 днів від перетину кордону. Без заяви про PESEL UKR захист припиняється.",
            "30 дней с пересечения границы. Без заявления о PESEL UKR защита прекращается.",
        ),
    ),
    entry(
        "work-on-pesel-ukr",
        "ukraine",
        (
            "Czy z PESEL UKR mogę pracować?",
            "Can I work with PESEL UKR?",
            "Чи можу я працювати з PESEL UKR?",
            "Могу ли я работать с PESEL UKR?",
        ),
        (
            "Tak. Pracodawca musi powiadomić powiatowy urząd pracy o powierzeniu pracy w ciągu 14 dni od jej "
            "rozpoczęcia, przez praca.gov.pl.",
            "Yes. Your employer must notify the district labour office (powiatowy urząd pracy) within 14 days of "
            "the day you start work, through praca.gov.pl.",
            "Так. Роботодавець має повідомити повітовий центр зайнятості (powiatowy urząd pracy) протягом 14 "
            "днів від початку роботи через praca.gov.pl.",
            "Да. Работодатель должен уведомить повятовое бюро труда (powiatowy urząd pracy) в течение 14 дней "
            "с начала работы через praca.gov.pl.",
        ),
    ),
    # --- Decisions and appeals ---
    entry(
        "appeal-deadline",
        "decisions-and-appeals",
        (
            "Ile mam czasu na odwołanie od decyzji?",
            "How long do I have to appeal against a decision?",
            "Скільки є часу, щоб оскаржити рішення?",
            "Сколько у меня времени на апелляцию на решение?",
        ),
        (
            "14 dni od doręczenia decyzji. Odwołanie kierujesz do Szefa Urzędu do Spraw Cudzoziemców za "
            "pośrednictwem Wojewody Wielkopolskiego.",
            "14 days from delivery of the decision. The appeal is addressed to the Head of the Office for Foreigners "
            "and filed through the Wielkopolska Voivode.",
            "14 днів від вручення рішення. Апеляцію адресують Голові Управління у справах іноземців через "
            "Великопольського воєводу.",
            "14 дней с вручения решения. Апелляцию адресуют Главе Управления по делам иностранцев через "
            "Великопольского воеводу.",
        ),
    ),
    entry(
        "appeal-how-to-send",
        "decisions-and-appeals",
        (
            "Jak wysłać odwołanie?",
            "How do I send an appeal?",
            "Як надіслати апеляцію?",
            "Как отправить апелляцию?",
        ),
        (
            "Pocztą Polską (liczy się data nadania), w punkcie podawczym wydziału albo przez ePUAP. Odwołanie musi "
            "być podpisane.",
            "By Poczta Polska (the posting date counts), at the Department's submission point or through ePUAP. The "
            "appeal must be signed.",
            "Поштою Poczta Polska (має значення дата відправлення), у пункті прийому документів відділу або через "
            "ePUAP. Апеляція має бути підписана.",
            "Почтой Poczta Polska (значение имеет дата отправки), в пункте приёма документов отдела или через "
            "ePUAP. Апелляция должна быть подписана.",
        ),
    ),
    entry(
        "missing-documents-deadline",
        "decisions-and-appeals",
        (
            "Wezwanie do uzupełnienia braków formalnych: ile jest czasu na odpowiedź?",
            "A request to remedy formal deficiencies: how long is there to reply?",
            "Вимога усунути формальні недоліки: скільки є часу на відповідь?",
            "Требование устранить формальные недостатки: сколько есть времени на ответ?",
        ),
        (
            "Tyle, ile podano w piśmie, nie mniej niż 7 dni. Bez odpowiedzi wniosek zostanie pozostawiony bez "
            "rozpoznania.",
            "As long as the letter says, at least 7 days. Without a response the application is left without "
            "consideration.",
            "Стільки, скільки вказано в листі, не менше 7 днів. Без відповіді заяву буде залишено без розгляду.",
            "Столько, сколько указано в письме, не менее 7 дней. Без ответа заявление будет оставлено без "
            "рассмотрения.",
        ),
    ),
    entry(
        "leave-after-refusal",
        "decisions-and-appeals",
        (
            "Co jeśli nie odwołam się od odmowy?",
            "What if I do not appeal against a refusal?",
            "Що буде, якщо я не оскаржу відмову?",
            "Что будет, если я не обжалую отказ?",
        ),
        (
            "Decyzja stanie się ostateczna. Jeśli nie masz innej podstawy pobytu i nie masz jako obywatel Ukrainy "
            "ochrony czasowej, musisz wyjechać w ciągu 30 dni od dnia, w którym decyzja stała się ostateczna. "
            "Obywateli Ukrainy dotyczą zasady opisane w przewodniku dla nich.",
            "The decision becomes final. If you have no other basis to stay and no temporary protection as a "
            "citizen of Ukraine, you must leave within 30 days of the day the decision became final. The rules "
            "for citizens of Ukraine are in the guide for them.",
            "Рішення стане остаточним. Якщо у вас немає іншої підстави для перебування і тимчасового захисту як "
            "у громадянина України, ви маєте виїхати протягом 30 днів від дня, коли рішення стало остаточним. "
            "Правила для громадян України описано в довіднику для них.",
            "Решение станет окончательным. Если у вас нет другого основания для пребывания и временной защиты как "
            "у гражданина Украины, вы должны выехать в течение 30 дней со дня, когда решение стало окончательным. "
            "Правила для граждан Украины описаны в руководстве для них.",
        ),
    ),
    entry(
        "stamp-duty-refund-after-refusal",
        "decisions-and-appeals",
        (
            "Czy po odmowie odzyskam opłatę skarbową?",
            "Will I get the stamp duty back after a refusal?",
            "Чи повернуть мені гербовий збір після відмови?",
            "Вернут ли мне гербовый сбор после отказа?",
        ),
        (
            "Nie, jeśli wniosek złożono od 5 marca 2026 r. Wnioski złożone wcześniej podlegają dawnym zasadom zwrotu.",
            "No, if the application was filed on or after 5 March 2026. Applications filed earlier keep the old "
            "refund rules.",
            "Ні, якщо заяву подано 5 березня 2026 року або пізніше. До заяв, поданих раніше, застосовуються "
            "попередні правила повернення.",
            "Нет, если заявление подано 5 марта 2026 года или позже. К заявлениям, поданным раньше, применяются "
            "прежние правила возврата.",
        ),
    ),
    entry(
        "power-of-attorney-fee",
        "decisions-and-appeals",
        (
            "Ile kosztuje ustanowienie pełnomocnika?",
            "How much does appointing a representative cost?",
            "Скільки коштує призначення представника за довіреністю?",
            "Сколько стоит назначение представителя по доверенности?",
        ),
        (
            "17 zł opłaty skarbowej za każde pełnomocnictwo. Nie płacisz, jeśli pełnomocnikiem jest małżonek, "
            "krewny w linii prostej (wstępny lub zstępny) albo rodzeństwo.",
            "17 zł stamp duty for each power of attorney. You pay nothing if the representative is your spouse, "
            "a relative in the direct line (parents, grandparents, children, grandchildren...) or a sibling.",
            "17 злотих гербового збору за кожну довіреність. Ви не платите, якщо представник — ваш чоловік чи "
            "дружина, родич по прямій лінії (батьки, дід і баба, діти, онуки...) або брат чи сестра.",
            "17 злотых гербового сбора за каждую доверенность. Вы не платите, если представитель — ваш супруг, "
            "родственник по прямой линии (родители, бабушка и дедушка, дети, внуки...) или брат либо сестра.",
        ),
    ),
    # --- Paying, and two situations people ask about while waiting (facts as in the guides; unconfirmed details
    # are said to be unconfirmed rather than guessed) ---
    entry(
        "how-to-pay-the-fees",
        "work",
        (
            "Jak zapłacić opłatę skarbową i opłatę za kartę pobytu, także z zagranicy?",
            "How do I pay the stamp duty and the residence card fee, also from abroad?",
            "Як сплатити гербовий збір і плату за карту побиту, зокрема з-за кордону?",
            "Как оплатить гербовый сбор и плату за карту побыту, в том числе из-за границы?",
        ),
        (
            "Dwoma osobnymi przelewami; w MOS nie można zapłacić, a potwierdzenia obu wpłat dołącza się do wniosku.\n"
            "- Opłata skarbowa: Urząd Miasta Poznania, Wydział Finansowy, IBAN PL94 1020 4027 0000 1602 1262 "
            "0763.\n"
            "- Opłata za kartę pobytu: Wielkopolski Urząd Wojewódzki w Poznaniu, IBAN PL70 1010 1469 0000 3922 "
            "3100 0000.\n"
            "- Tytuł przelewu (po polsku): rodzaj opłaty, np. „Opłata skarbowa – zezwolenie na pobyt czasowy i "
            "pracę” albo „Opłata za kartę pobytu”, oraz imię i nazwisko cudzoziemca jak w paszporcie.\n"
            "- Przelew z zagranicy: bank poprosi też o kod BIC/SWIFT banku odbiorcy. Podaje go strona opłat "
            "Wydziału Spraw Cudzoziemców (migrant.poznan.uw.gov.pl); ten kod jeszcze potwierdzamy, zapytaj na "
            "infolinii.\n"
            "- Gotówka lub karta w urzędzie: do potwierdzenia; zapytaj na infolinii, zanim przyjdziesz.",
            "By two separate transfers; you cannot pay inside MOS, and you attach proof of both payments to the "
            "application.\n"
            "- Stamp duty: Urząd Miasta Poznania, Wydział Finansowy (Poznań City Office, finance department), IBAN "
            "PL94 1020 4027 0000 1602 1262 0763.\n"
            "- Residence card fee: Wielkopolski Urząd Wojewódzki w Poznaniu (Wielkopolska Voivodeship Office in "
            "Poznań), IBAN PL70 1010 1469 0000 3922 3100 0000.\n"
            '- Transfer title (in Polish): the kind of fee, e.g. "Opłata skarbowa – zezwolenie na pobyt czasowy i '
            'pracę" or "Opłata za kartę pobytu", and the foreigner\'s first name and surname as in the passport.\n'
            "- Transfer from abroad: your bank will also ask for the receiving bank's BIC/SWIFT code. The fees page "
            "of the Foreigners' Affairs Department (migrant.poznan.uw.gov.pl) gives it; we are still confirming it, "
            "so ask the helpline.\n"
            "- Cash or card at the office: to be confirmed; ask the helpline before you come.",
            "Двома окремими переказами; у MOS оплатити не можна, а підтвердження обох оплат додають до заяви.\n"
            "- Гербовий збір: Urząd Miasta Poznania, Wydział Finansowy (Управління міста Познань, фінансовий "
            "відділ), IBAN PL94 1020 4027 0000 1602 1262 0763.\n"
            "- Плата за карту побиту: Wielkopolski Urząd Wojewódzki w Poznaniu (Великопольське воєводське "
            "управління в Познані), IBAN PL70 1010 1469 0000 3922 3100 0000.\n"
            "- Призначення платежу (польською): вид оплати, наприклад «Opłata skarbowa – zezwolenie na pobyt "
            "czasowy i pracę» або «Opłata za kartę pobytu», та ім'я й прізвище іноземця, як у паспорті.\n"
            "- Переказ з-за кордону: банк попросить також код BIC/SWIFT банку одержувача. Його наводить сторінка "
            "оплат Відділу у справах іноземців (migrant.poznan.uw.gov.pl); ми ще підтверджуємо цей код, тож "
            "запитайте на гарячій лінії.\n"
            "- Готівка чи картка в управлінні: ще не підтверджено; запитайте на гарячій лінії, перш ніж прийти.",
            "Двумя отдельными переводами; в MOS оплатить нельзя, а подтверждения обоих платежей прилагают к "
            "заявлению.\n"
            "- Гербовый сбор: Urząd Miasta Poznania, Wydział Finansowy (Управление города Познани, финансовый "
            "отдел), IBAN PL94 1020 4027 0000 1602 1262 0763.\n"
            "- Плата за карту побыту: Wielkopolski Urząd Wojewódzki w Poznaniu (Великопольское воеводское "
            "управление в Познани), IBAN PL70 1010 1469 0000 3922 3100 0000.\n"
            "- Назначение платежа (по-польски): вид оплаты, например «Opłata skarbowa – zezwolenie na pobyt "
            "czasowy i pracę» или «Opłata za kartę pobytu», и имя и фамилия иностранца, как в паспорте.\n"
            "- Перевод из-за границы: банк попросит также код BIC/SWIFT банка получателя. Его приводит страница "
            "оплат Отдела по делам иностранцев (migrant.poznan.uw.gov.pl); мы ещё подтверждаем этот код, поэтому "
            "спросите на горячей линии.\n"
            "- Наличные или карта в управлении: ещё не подтверждено; спросите на горячей линии, прежде чем прийти.",
        ),
    ),
    entry(
        "visa-expires-while-waiting",
        "work",
        (
            "Wiza wygasa w trakcie postępowania: czy pobyt jest legalny, czy można pracować i podróżować?",
            "My visa expires while I wait for the decision: am I legal, can I work, can I travel?",
            "Віза закінчується під час провадження: чи перебування легальне, чи можна працювати й подорожувати?",
            "Виза истекает во время производства: законно ли пребывание, можно ли работать и путешествовать?",
        ),
        (
            "Pobyt: jeśli wniosek został złożony w czasie legalnego pobytu i nie ma braków formalnych (albo zostały "
            "uzupełnione w terminie), pobyt jest legalny od dnia złożenia wniosku do dnia, w którym decyzja stanie "
            "się ostateczna (art. 108 ustawy o cudzoziemcach). Potwierdza to zaświadczenie na Twoim koncie MOS, "
            "które zastąpiło stempel w paszporcie.\n"
            "Praca: zaświadczenie samo nie daje prawa do pracy. Zwykle można dalej pracować, jeśli tuż przed "
            "złożeniem wniosku praca u tego samego pracodawcy, na tym samym stanowisku i na podstawie tego samego "
            "rodzaju umowy była legalna. W innych sytuacjach zapytaj w punkcie informacyjnym, zanim zaczniesz "
            "pracę.\n"
            "Podróże: zaświadczenie nie jest dokumentem podróży. Nie pozwala wyjechać do innych państw Schengen ani "
            "wrócić do Polski; podróżować można tylko z innym ważnym dokumentem, np. wizą lub kartą pobytu. "
            "Pamiętaj też o terminie na odciski linii papilarnych.",
            "Stay: if you filed the application while your stay was legal and it has no formal deficiencies (or you "
            "remedied them in time), your stay is legal from the day you filed until the decision becomes final "
            "(art. 108 of the Act on Foreigners). The certificate (zaświadczenie) in your MOS account, which "
            "replaced the passport stamp, confirms it.\n"
            "Work: the certificate alone does not give you the right to work. Usually you can keep working if, just "
            "before filing, you were working legally for the same employer, in the same position and under the "
            "same type of contract. In other situations ask at the information point before you start work.\n"
            "Travel: the certificate is not a travel document. It does not let you travel to other Schengen "
            "countries or come back to Poland; you can travel only with another valid document, such as a visa or "
            "a residence card. Also remember your fingerprint appointment.",
            "Перебування: якщо заяву подано під час легального перебування і в ній немає формальних недоліків (або "
            "їх усунуто вчасно), перебування легальне від дня подання заяви до дня, коли рішення стане остаточним "
            "(ст. 108 Закону про іноземців). Це підтверджує довідка (zaświadczenie) у вашому обліковому записі MOS, "
            "яка замінила штамп у паспорті.\n"
            "Робота: сама довідка не дає права на роботу. Зазвичай можна працювати далі, якщо безпосередньо перед "
            "поданням заяви ви легально працювали в того самого роботодавця, на тій самій посаді й за тим самим "
            "видом договору. В інших ситуаціях запитайте в інформаційному пункті, перш ніж почати роботу.\n"
            "Подорожі: довідка не є документом для подорожей. Вона не дає права виїхати до інших країн Шенгену чи "
            "повернутися до Польщі; подорожувати можна лише з іншим чинним документом, наприклад візою або картою "
            "побиту. Пам'ятайте також про візит для зняття відбитків пальців.",
            "Пребывание: если заявление подано во время легального пребывания и в нём нет формальных недостатков "
            "(или они устранены вовремя), пребывание законно со дня подачи заявления до дня, когда решение станет "
            "окончательным (ст. 108 Закона об иностранцах). Это подтверждает справка (zaświadczenie) в вашей "
            "учётной записи MOS, которая заменила штамп в паспорте.\n"
            "Работа: сама справка не даёт права на работу. Обычно можно продолжать работать, если непосредственно "
            "перед подачей заявления вы легально работали у того же работодателя, на той же должности и по тому же "
            "виду договора. В других ситуациях спросите в информационном пункте, прежде чем начать работу.\n"
            "Поездки: справка не является документом для поездок. Она не позволяет выехать в другие страны "
            "Шенгена или вернуться в Польшу; путешествовать можно только с другим действительным документом, "
            "например визой или картой побыту. Помните также о визите для сдачи отпечатков пальцев.",
        ),
    ),
    entry(
        "missed-fingerprint-appointment",
        "work",
        (
            "Termin na odciski linii papilarnych minął bez wizyty: co teraz?",
            "I missed my fingerprint appointment: what now?",
            "Візит для зняття відбитків пальців пропущено: що тепер?",
            "Визит для сдачи отпечатков пальцев пропущен: что теперь?",
        ),
        (
            "Skontaktuj się z urzędem jak najszybciej (infolinia, e-mail albo punkt informacyjny) i poproś o nowy "
            "termin. Jeśli przyczyna była ważna (np. choroba), opisz ją i zachowaj dowód. Przeczytaj wezwanie na "
            "swoim koncie MOS: jeśli dotyczyło też uzupełnienia braków formalnych, a termin z pisma minął, wniosek "
            "może zostać pozostawiony bez rozpoznania. Dopóki nie stawisz się osobiście, termin na decyzję nie "
            "biegnie (w sprawach pobytu czasowego: art. 112a ustawy o cudzoziemcach). Przepisy nie mówią wprost, "
            "jak urząd postępuje po jednej nieobecności; zapytaj o to na infolinii.",
            "Contact the office as soon as possible (helpline, e-mail or information point) and ask for a new "
            "appointment. If you had a good reason (for example illness), explain it and keep proof. Read the call "
            "in your MOS account: if it also asked you to remedy formal deficiencies and the date in the letter has "
            "passed, the application may be left without consideration. Until you appear in person, the time limit "
            "for the decision does not run (for temporary residence: art. 112a of the Act on Foreigners). The law "
            "does not say plainly what the office does after one missed appointment; ask the helpline.",
            "Якнайшвидше зв'яжіться з управлінням (гаряча лінія, e-mail або інформаційний пункт) і попросіть новий "
            "час. Якщо причина була поважна (наприклад хвороба), опишіть її та збережіть підтвердження. Прочитайте "
            "виклик у своєму обліковому записі MOS: якщо в ньому була й вимога усунути формальні недоліки, а строк "
            "із листа минув, заяву можуть залишити без розгляду. Поки ви не з'явилися особисто, строк на рішення не "
            "спливає (у справах тимчасового проживання: ст. 112a Закону про іноземців). Закон прямо не каже, як "
            "управління діє після одного пропущеного візиту; запитайте на гарячій лінії.",
            "Как можно скорее свяжитесь с управлением (горячая линия, e-mail или информационный пункт) и попросите "
            "новое время. Если причина была уважительной (например болезнь), опишите её и сохраните подтверждение. "
            "Прочитайте вызов в своей учётной записи MOS: если в нём было и требование устранить формальные "
            "недостатки, а срок из письма истёк, заявление могут оставить без рассмотрения. Пока вы не явились "
            "лично, срок на решение не идёт (в делах о временном пребывании: ст. 112a Закона об иностранцах). Закон "
            "прямо не говорит, как управление действует после одного пропущенного визита; спросите на горячей "
            "линии.",
        ),
    ),
]
