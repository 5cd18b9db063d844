"""Demo content for the case-status catalogue and the procedures, in pl/en/uk/ru (Polish is the source).

Terms follow docs/glossary.md; every legal fact here (time limits, articles) is listed with its source and
confidence in docs/sources.md (generated from portal/legal_sources/), as of 2026.
Polish addresses the reader in the second person singular, as the office's migrant pages do.
"""

from typing import Any

STATUSES: list[dict[str, Any]] = [
    {
        "code": "filed",
        "stage": 10,
        "order": 0,
        "visit": "",
        "outcome": "",
        "is_final": False,
        "action_deadline_days": None,
        "name": {
            "pl": "Wniosek złożony",
            "en": "Application filed",
            "uk": "Заяву подано",
            "ru": "Заявление подано",
        },
        "explanation": {
            "pl": (
                "Twój wniosek wpłynął do urzędu – przez Moduł Obsługi Spraw (MOS) lub, jeśli było to jeszcze możliwe, "
                "w inny sposób – i został zarejestrowany. Następnym krokiem jest sprawdzenie wniosku pod względem "
                "formalnym."
            ),
            "en": (
                "Your application (wniosek) reached the office – through the online case module (MOS) or, where this "
                "was still possible, in another way – and has been registered. The next step is a formal check of "
                "the application."
            ),
            "uk": (
                "Ваша заява (wniosek) надійшла до управління – через онлайн-модуль обслуговування справ (MOS) або, "
                "якщо це ще було можливо, в інший спосіб – і її зареєстровано. Наступний крок – формальна перевірка "
                "заяви."
            ),
            "ru": (
                "Ваше заявление (wniosek) поступило в управление – через онлайн-модуль обслуживания дел (MOS) или, "
                "если это ещё было возможно, другим способом – и зарегистрировано. Следующий шаг – формальная "
                "проверка заявления."
            ),
        },
        "applicant_action": {"pl": "", "en": "", "uk": "", "ru": ""},
    },
    {
        "code": "formal-check",
        "stage": 20,
        "order": 0,
        "visit": "",
        "outcome": "",
        "is_final": False,
        "action_deadline_days": None,
        "name": {
            "pl": "Sprawdzanie wniosku pod względem formalnym",
            "en": "Formal check of the application",
            "uk": "Формальна перевірка заяви",
            "ru": "Формальная проверка заявления",
        },
        "explanation": {
            "pl": (
                "Urząd sprawdza, czy wniosek jest kompletny i prawidłowo podpisany oraz czy uiszczono opłatę "
                "skarbową. Jeśli czegoś brakuje, otrzymasz pismo z informacją, co trzeba uzupełnić i w jakim terminie."
            ),
            "en": (
                "The office is checking that your application is complete and properly signed, and that the stamp "
                "duty (opłata skarbowa) has been paid. If anything is missing, you will get a letter telling you what "
                "to add and by when."
            ),
            "uk": (
                "Управління перевіряє, чи заява повна й належно підписана та чи сплачено гербовий збір (opłata "
                "skarbowa). Якщо чогось бракує, ви отримаєте лист, у якому буде сказано, що саме потрібно додати і в "
                "який строк."
            ),
            "ru": (
                "Управление проверяет, полное ли заявление, правильно ли оно подписано и уплачен ли гербовый сбор "
                "(opłata skarbowa). Если чего-то не хватает, вы получите письмо, в котором будет указано, что нужно "
                "дополнить и в какой срок."
            ),
        },
        "applicant_action": {"pl": "", "en": "", "uk": "", "ru": ""},
    },
    {
        "code": "formal-deficiencies",
        "stage": 30,
        "order": 0,
        "visit": "",
        "outcome": "",
        "is_final": False,
        "action_deadline_days": None,
        "name": {
            "pl": "Wezwanie do uzupełnienia braków formalnych",
            "en": "Request to remedy formal deficiencies",
            "uk": "Вимога усунути формальні недоліки",
            "ru": "Требование устранить формальные недостатки",
        },
        "explanation": {
            "pl": (
                "Urząd wysłał Ci wezwanie do uzupełnienia braków formalnych, w którym wskazał, czego brakuje we "
                "wniosku. Termin jest podany w piśmie i wynosi co najmniej 7 dni (art. 64 § 2 Kodeksu postępowania "
                "administracyjnego). Jeśli nie uzupełnisz braków w terminie, wniosek zostanie pozostawiony bez "
                "rozpoznania."
            ),
            "en": (
                "The office has sent you a request to remedy formal deficiencies (wezwanie do uzupełnienia braków "
                "formalnych) that says what is missing from your application. The deadline is stated in the letter "
                "and is at least 7 days (art. 64 § 2 of the Code of Administrative Procedure). If you do not correct "
                "the application in time, it will be left without consideration (pozostawienie wniosku bez "
                "rozpoznania)."
            ),
            "uk": (
                "Управління надіслало вам вимогу усунути формальні недоліки (wezwanie do uzupełnienia braków "
                "formalnych), у якій зазначено, чого бракує в заяві. Строк вказано в листі, і він становить щонайменше "
                "7 днів (ст. 64 § 2 Кодексу адміністративного провадження). Якщо ви не усунете недоліки вчасно, заяву "
                "залишать без розгляду (pozostawienie wniosku bez rozpoznania)."
            ),
            "ru": (
                "Управление направило вам требование устранить формальные недостатки (wezwanie do uzupełnienia "
                "braków formalnych), в котором указано, чего не хватает в заявлении. Срок указан в письме и составляет "
                "не менее 7 дней (ст. 64 § 2 Кодекса административного производства). Если вы не устраните "
                "недостатки вовремя, заявление оставят без рассмотрения (pozostawienie wniosku bez rozpoznania)."
            ),
        },
        "applicant_action": {
            "pl": (
                "Przeczytaj wezwanie i uzupełnij wskazane braki w sposób i w terminie podanym w piśmie. Obowiązuje "
                "termin z pisma, a nie minimalne 7 dni."
            ),
            "en": (
                "Read the letter and correct what it lists, in the way and by the deadline it gives. The deadline in "
                "the letter is the one that counts, not the 7-day minimum."
            ),
            "uk": (
                "Прочитайте лист і усуньте зазначені недоліки у спосіб і в строк, указані в ньому. Діє строк із листа, "
                "а не мінімальні 7 днів."
            ),
            "ru": (
                "Прочитайте письмо и устраните указанные недостатки способом и в срок, которые в нём указаны. "
                "Действует срок из письма, а не минимальные 7 дней."
            ),
        },
    },
    {
        "code": "documents-requested",
        "stage": 30,
        "order": 1,
        "visit": "",
        "outcome": "",
        "is_final": False,
        "action_deadline_days": None,
        "name": {
            "pl": "Wezwanie do przedstawienia dodatkowych dokumentów",
            "en": "Further documents or evidence requested",
            "uk": "Запит додаткових документів або доказів",
            "ru": "Запрос дополнительных документов или доказательств",
        },
        "explanation": {
            "pl": (
                "Urząd poprosił o dodatkowe dokumenty lub dowody potrzebne do rozpatrzenia sprawy (art. 106 ust. 2a "
                "ustawy o cudzoziemcach). Termin jest podany w piśmie i wynosi co najmniej 14 dni. Jeśli go nie "
                "dotrzymasz, urząd rozstrzygnie sprawę na podstawie dokumentów, które już ma."
            ),
            "en": (
                "The office has asked for further documents or evidence it needs to decide your case (art. 106(2a) "
                "of the Act on Foreigners). The deadline is stated in the letter and is at least 14 days. If you miss "
                "it, the office will decide your case on the documents it already has."
            ),
            "uk": (
                "Управління попросило надати додаткові документи або докази, потрібні для розгляду вашої справи "
                "(ст. 106 ч. 2a Закону про іноземців). Строк вказано в листі, і він становить щонайменше 14 днів. "
                "Якщо ви його пропустите, управління вирішить справу на підставі документів, які вже має."
            ),
            "ru": (
                "Управление запросило дополнительные документы или доказательства, необходимые для рассмотрения "
                "вашего дела (ст. 106 ч. 2a Закона об иностранцах). Срок указан в письме и составляет не менее "
                "14 дней. Если вы его пропустите, управление решит дело на основании документов, которые у него уже "
                "есть."
            ),
        },
        "applicant_action": {
            "pl": "Przekaż wskazane dokumenty w sposób i w terminie podanym w piśmie.",
            "en": "Send the documents listed in the letter, in the way and by the deadline it gives.",
            "uk": "Надішліть документи, зазначені в листі, у спосіб і в строк, указані в ньому.",
            "ru": "Отправьте документы, указанные в письме, способом и в срок, которые в нём указаны.",
        },
    },
    {
        "code": "personal-appearance",
        "stage": 40,
        "order": 0,
        "visit": "",
        "outcome": "",
        "is_final": False,
        "action_deadline_days": None,
        "name": {
            "pl": "Osobiste stawiennictwo: odciski linii papilarnych i paszport",
            "en": "Personal appearance: fingerprints and passport",
            "uk": "Особиста явка: відбитки пальців і паспорт",
            "ru": "Личная явка: отпечатки пальцев и паспорт",
        },
        "explanation": {
            "pl": (
                "Musisz osobiście przyjść do urzędu, aby złożyć odciski linii papilarnych i okazać oryginał "
                "paszportu. Jeśli wniosek złożono przez MOS, urząd wzywa do tego po sprawdzeniu wniosku."
            ),
            "en": (
                "You need to come to the office in person (osobiste stawiennictwo) to give your fingerprints and "
                "show your original passport. If you filed through MOS, the office calls you in for this after "
                "checking your application."
            ),
            "uk": (
                "Вам потрібно особисто прийти до управління (особиста явка, osobiste stawiennictwo), щоб здати "
                "відбитки пальців і показати оригінал паспорта. Якщо ви подали заяву через MOS, управління викликає "
                "вас для цього після перевірки заяви."
            ),
            "ru": (
                "Вам нужно лично прийти в управление (личная явка, osobiste stawiennictwo), чтобы сдать отпечатки "
                "пальцев и предъявить оригинал паспорта. Если вы подали заявление через MOS, управление вызывает вас "
                "для этого после проверки заявления."
            ),
        },
        "applicant_action": {
            "pl": (
                "Poczekaj na wezwanie z urzędu: podaje ono dzień, godzinę i miejsce wizyty. Przyjdź wtedy z "
                "oryginałem paszportu. Jeśli nie możesz przyjść w tym dniu, od razu zadzwoń lub napisz do urzędu "
                "(dane są w wezwaniu) i poproś o inny termin."
            ),
            "en": (
                "Wait for the office's letter (wezwanie): it gives the day, time and place of your visit. Come then "
                "with your original passport. If you cannot come on that day, call or write to the office at once "
                "(the contact details are in the letter) and ask for another date."
            ),
            "uk": (
                "Дочекайтеся виклику (wezwanie) з управління: у ньому вказано день, час і місце візиту. Приходьте "
                "тоді з оригіналом паспорта. Якщо того дня ви не можете прийти, одразу зателефонуйте або напишіть "
                "до управління (контакти є у виклику) і попросіть іншу дату."
            ),
            "ru": (
                "Дождитесь вызова (wezwanie) из управления: в нём указаны день, время и место визита. Приходите "
                "тогда с оригиналом паспорта. Если в этот день вы не можете прийти, сразу позвоните или напишите "
                "в управление (контакты есть в вызове) и попросите другую дату."
            ),
        },
    },
    {
        "code": "review",
        "stage": 50,
        "order": 0,
        "visit": "",
        "outcome": "",
        "is_final": False,
        "action_deadline_days": None,
        "name": {
            "pl": "Rozpatrywanie wniosku",
            "en": "Application under review",
            "uk": "Заява на розгляді",
            "ru": "Заявление на рассмотрении",
        },
        "explanation": {
            "pl": (
                "Wniosek jest kompletny, a urząd sprawdza, czy spełniasz warunki udzielenia zezwolenia. Biegnie "
                "ustawowy termin na wydanie decyzji, np. 60 dni dla zezwolenia na pobyt czasowy."
            ),
            "en": (
                "Your application is complete, and the office is checking whether you meet the conditions for the "
                "permit. The time limit set by law for the decision (decyzja) is now running, for example 60 days for "
                "a temporary residence permit (zezwolenie na pobyt czasowy)."
            ),
            "uk": (
                "Ваша заява повна, і управління перевіряє, чи ви відповідаєте умовам для отримання дозволу. Зараз "
                "триває встановлений законом строк на ухвалення рішення (decyzja), наприклад 60 днів для дозволу на "
                "тимчасове проживання (zezwolenie na pobyt czasowy)."
            ),
            "ru": (
                "Ваше заявление полное, и управление проверяет, соответствуете ли вы условиям для получения "
                "разрешения. Сейчас идёт установленный законом срок на вынесение решения (decyzja), например 60 дней "
                "для разрешения на временное пребывание (zezwolenie na pobyt czasowy)."
            ),
        },
        "applicant_action": {"pl": "", "en": "", "uk": "", "ru": ""},
    },
    {
        "code": "opinions-requested",
        "stage": 50,
        "order": 1,
        "visit": "",
        "outcome": "",
        "is_final": False,
        "action_deadline_days": None,
        "name": {
            "pl": "Zapytania do innych organów",
            "en": "Information requested from other authorities",
            "uk": "Запити до інших органів",
            "ru": "Запросы в другие органы",
        },
        "explanation": {
            "pl": (
                "Zgodnie z przepisami urząd zwrócił się do innych organów, np. Straży Granicznej, Policji, Agencji "
                "Bezpieczeństwa Wewnętrznego lub konsula, o informacje potrzebne w Twojej sprawie. To zwykły etap "
                "postępowania i nie musisz nic robić."
            ),
            "en": (
                "As the law requires, the office has asked other authorities, such as the Border Guard, the Police, "
                "the Internal Security Agency or a consul, for information about your case. This is a normal step in "
                "the proceedings and you do not need to do anything."
            ),
            "uk": (
                "Як вимагає закон, управління звернулося до інших органів, наприклад Прикордонної служби, Поліції, "
                "Агентства внутрішньої безпеки або консула, із запитом про інформацію щодо вашої справи. "
                "Це звичайний етап провадження, і вам нічого не потрібно робити."
            ),
            "ru": (
                "Как требует закон, управление запросило у других органов, например Пограничной службы, Полиции, "
                "Агентства внутренней безопасности или консула, информацию по вашему делу. Это обычный этап "
                "производства, и вам ничего не нужно делать."
            ),
        },
        "applicant_action": {"pl": "", "en": "", "uk": "", "ru": ""},
    },
    {
        "code": "decision-granted",
        "stage": 60,
        "order": 0,
        "visit": "",
        "outcome": "positive",
        "is_final": False,
        "action_deadline_days": None,
        "name": {
            "pl": "Decyzja pozytywna: zezwolenie udzielone",
            "en": "Grant: permit granted",
            "uk": "Позитивне рішення: дозвіл надано",
            "ru": "Положительное решение: разрешение выдано",
        },
        "explanation": {
            "pl": (
                "Wojewoda Wielkopolski udzielił Ci zezwolenia. Decyzja jest wysyłana lub doręczana. Następnym krokiem "
                "jest wyprodukowanie karty pobytu."
            ),
            "en": (
                "The Wielkopolska Voivode (Wojewoda Wielkopolski) has granted you the permit. The decision (decyzja) "
                "is being sent or delivered to you. The next step is the production of your residence card (karta "
                "pobytu)."
            ),
            "uk": (
                "Великопольський воєвода (Wojewoda Wielkopolski) надав вам дозвіл. Рішення (decyzja) надсилають або "
                "вручають вам. Наступний крок – виготовлення вашої карти побиту (karta pobytu)."
            ),
            "ru": (
                "Великопольский воевода (Wojewoda Wielkopolski) выдал вам разрешение. Решение (decyzja) отправляют "
                "или вручают вам. Следующий шаг – изготовление вашей карты побыту (karta pobytu)."
            ),
        },
        "applicant_action": {"pl": "", "en": "", "uk": "", "ru": ""},
    },
    {
        "code": "decision-refused",
        "stage": 60,
        "order": 1,
        "visit": "",
        "outcome": "negative",
        "is_final": False,
        "action_deadline_days": 14,
        "name": {
            "pl": "Decyzja odmowna",
            "en": "Refusal",
            "uk": "Відмова",
            "ru": "Отказ",
        },
        "explanation": {
            "pl": (
                "Wojewoda Wielkopolski odmówił udzielenia zezwolenia. Powody odmowy są opisane w uzasadnieniu "
                "decyzji. Jeśli nie złożysz odwołania w terminie, decyzja stanie się ostateczna."
            ),
            "en": (
                "The Wielkopolska Voivode (Wojewoda Wielkopolski) has refused the permit. The reasons are given in "
                "the decision itself (uzasadnienie). If you do not appeal in time, the decision becomes final."
            ),
            "uk": (
                "Великопольський воєвода (Wojewoda Wielkopolski) відмовив у наданні дозволу. Причини відмови "
                "викладено в самому рішенні (uzasadnienie). Якщо ви не подасте апеляцію вчасно, рішення стане "
                "остаточним."
            ),
            "ru": (
                "Великопольский воевода (Wojewoda Wielkopolski) отказал в выдаче разрешения. Причины отказа изложены "
                "в самом решении (uzasadnienie). Если вы не подадите апелляцию вовремя, решение станет окончательным."
            ),
        },
        "applicant_action": {
            "pl": (
                "Jeśli nie zgadzasz się z decyzją, złóż odwołanie do Szefa Urzędu do Spraw Cudzoziemców za "
                "pośrednictwem Wojewody Wielkopolskiego w terminie 14 dni od dnia doręczenia decyzji (a nie od daty "
                "tego statusu). Odwołanie podpisujesz Ty lub Twój pełnomocnik. Możesz je wysłać Pocztą "
                "Polską (liczy się data nadania), złożyć w punkcie podawczym Wydziału Spraw Cudzoziemców albo przesłać "
                "przez ePUAP."
            ),
            "en": (
                "If you disagree with the decision, you can appeal (odwołanie) to the Head of the Office for "
                "Foreigners (Szef Urzędu do Spraw Cudzoziemców) through the Wielkopolska Voivode within 14 days of the "
                "day the decision was delivered to you (not from the date of this status). The appeal must be signed "
                "by you or your representative (with power of attorney). You can send it by Polish Post (Poczta "
                "Polska; the posting date counts), hand it in at the submission point of the Foreigners' Affairs "
                "Department, or send it via ePUAP."
            ),
            "uk": (
                "Якщо ви не згодні з рішенням, подайте апеляцію (odwołanie) до Голови Управління у справах іноземців "
                "(Szef Urzędu do Spraw Cudzoziemców) через Великопольського воєводу протягом 14 днів із дня вручення "
                "вам рішення (а не з дати цього статусу). Апеляцію маєте підписати ви або ваш представник за "
                "довіреністю. Її можна надіслати Польською поштою (Poczta Polska; враховується дата відправлення), "
                "подати в пункті прийому документів Відділу у справах іноземців або надіслати через ePUAP."
            ),
            "ru": (
                "Если вы не согласны с решением, подайте апелляцию (odwołanie) Главе Управления по делам иностранцев "
                "(Szef Urzędu do Spraw Cudzoziemców) через Великопольского воеводу в течение 14 дней со дня вручения "
                "вам решения (а не с даты этого статуса). Апелляцию должны подписать вы или ваш представитель "
                "по доверенности. Её можно отправить Польской почтой (Poczta Polska; учитывается дата отправки), "
                "подать в пункте приёма документов Отдела по делам иностранцев или отправить через ePUAP."
            ),
        },
    },
    {
        "code": "not-examined",
        "stage": 60,
        "order": 2,
        "visit": "",
        "outcome": "discontinued",
        "is_final": True,
        "action_deadline_days": None,
        "name": {
            "pl": "Wniosek pozostawiony bez rozpoznania",
            "en": "Application left without consideration",
            "uk": "Заяву залишено без розгляду",
            "ru": "Заявление оставлено без рассмотрения",
        },
        "explanation": {
            "pl": (
                "Urząd pozostawił wniosek bez rozpoznania, np. dlatego, że braki formalne nie zostały uzupełnione w "
                "terminie. Oznacza to, że wniosek nie został rozpatrzony i nie daje podstawy do legalnego pobytu."
            ),
            "en": (
                "The office has left your application without consideration (pozostawienie wniosku bez rozpoznania), "
                "for example because the formal deficiencies were not remedied in time. This means the application "
                "was not examined and does not give you a basis for legal stay."
            ),
            "uk": (
                "Управління залишило вашу заяву без розгляду (pozostawienie wniosku bez rozpoznania), наприклад тому, "
                "що формальні недоліки не було усунуто вчасно. Це означає, що заяву не розглянули і вона не дає "
                "підстави для легального перебування."
            ),
            "ru": (
                "Управление оставило ваше заявление без рассмотрения (pozostawienie wniosku bez rozpoznania), "
                "например потому, что формальные недостатки не были устранены вовремя. Это означает, что заявление не "
                "рассматривалось и не даёт оснований для легального пребывания."
            ),
        },
        "applicant_action": {
            "pl": "Jeśli nadal potrzebujesz zezwolenia, złóż nowy wniosek.",
            "en": "If you still need a permit, submit a new application.",
            "uk": "Якщо вам і далі потрібен дозвіл, подайте нову заяву.",
            "ru": "Если вам по-прежнему нужно разрешение, подайте новое заявление.",
        },
    },
    {
        "code": "discontinued",
        "stage": 60,
        "order": 3,
        "visit": "",
        "outcome": "discontinued",
        "is_final": True,
        "action_deadline_days": None,
        "name": {
            "pl": "Umorzenie postępowania",
            "en": "Discontinuation of proceedings",
            "uk": "Припинення провадження",
            "ru": "Прекращение производства",
        },
        "explanation": {
            "pl": (
                "Postępowanie zostało umorzone, np. dlatego, że wniosek został wycofany. Urząd nie wyda w tej sprawie "
                "decyzji o udzieleniu zezwolenia ani o odmowie."
            ),
            "en": (
                "The proceedings have been discontinued (umorzenie postępowania), for example because the application "
                "was withdrawn. The office will not decide to grant or refuse the permit in this case."
            ),
            "uk": (
                "Провадження припинено (umorzenie postępowania), наприклад тому, що заяву відкликали. Управління не "
                "ухвалюватиме в цій справі рішення ні про надання дозволу, ні про відмову."
            ),
            "ru": (
                "Производство прекращено (umorzenie postępowania), например потому, что заявление было отозвано. "
                "Управление не будет выносить по этому делу решение ни о выдаче разрешения, ни об отказе."
            ),
        },
        "applicant_action": {
            "pl": "Jeśli nadal potrzebujesz zezwolenia, złóż nowy wniosek.",
            "en": "If you still need a permit, submit a new application.",
            "uk": "Якщо вам і далі потрібен дозвіл, подайте нову заяву.",
            "ru": "Если вам по-прежнему нужно разрешение, подайте новое заявление.",
        },
    },
    {
        "code": "appeal-forwarded",
        "stage": 60,
        "order": 4,
        "visit": "",
        "outcome": "",
        "is_final": False,
        "action_deadline_days": None,
        "name": {
            "pl": "Odwołanie przekazane do Szefa Urzędu do Spraw Cudzoziemców",
            "en": "Appeal forwarded to the Head of the Office for Foreigners",
            "uk": "Апеляцію передано Голові Управління у справах іноземців",
            "ru": "Апелляция передана Главе Управления по делам иностранцев",
        },
        "explanation": {
            "pl": (
                "Twoje odwołanie wraz z aktami sprawy zostało przekazane do Szefa Urzędu do Spraw Cudzoziemców, który "
                "je teraz rozpatruje. Decyzję w sprawie odwołania wyda Szef Urzędu, a nie Wojewoda Wielkopolski."
            ),
            "en": (
                "Your appeal (odwołanie) and the case files have been sent to the Head of the Office for Foreigners "
                "(Szef Urzędu do Spraw Cudzoziemców), who is now dealing with it. The decision on your appeal will "
                "come from the Head of the Office, not from the Wielkopolska Voivode."
            ),
            "uk": (
                "Вашу апеляцію (odwołanie) разом із матеріалами справи передано Голові Управління у справах іноземців "
                "(Szef Urzędu do Spraw Cudzoziemców), який тепер її розглядає. Рішення щодо апеляції ухвалить Голова "
                "Управління, а не Великопольський воєвода."
            ),
            "ru": (
                "Ваша апелляция (odwołanie) вместе с материалами дела передана Главе Управления по делам иностранцев "
                "(Szef Urzędu do Spraw Cudzoziemców), который теперь её рассматривает. Решение по апелляции вынесет "
                "Глава Управления, а не Великопольский воевода."
            ),
        },
        "applicant_action": {"pl": "", "en": "", "uk": "", "ru": ""},
    },
    {
        "code": "card-production",
        "stage": 70,
        "order": 0,
        "visit": "",
        "outcome": "",
        "is_final": False,
        "action_deadline_days": None,
        "name": {
            "pl": "Karta pobytu w produkcji",
            "en": "Residence card in production",
            "uk": "Карта побиту виготовляється",
            "ru": "Карта побыту изготавливается",
        },
        "explanation": {
            "pl": (
                "Twoja karta pobytu jest produkowana w Polskiej Wytwórni Papierów Wartościowych. Nie musisz nic robić; "
                "gdy karta będzie gotowa, status się zmieni."
            ),
            "en": (
                "Your residence card (karta pobytu) is being produced by the state printing works. You do not need "
                "to do anything; the status will change when the card is ready."
            ),
            "uk": (
                "Вашу карту побиту (karta pobytu) виготовляє державна друкарня цінних паперів. Вам нічого не потрібно "
                "робити; коли карта буде готова, статус зміниться."
            ),
            "ru": (
                "Вашу карту побыту (karta pobytu) изготавливает государственная типография ценных бумаг. Вам ничего "
                "не нужно делать; когда карта будет готова, статус изменится."
            ),
        },
        "applicant_action": {"pl": "", "en": "", "uk": "", "ru": ""},
    },
    {
        "code": "card-ready",
        "stage": 80,
        "order": 0,
        "visit": "card-collection",
        "outcome": "",
        "is_final": False,
        "action_deadline_days": None,
        "name": {
            "pl": "Karta pobytu gotowa do odbioru",
            "en": "Residence card ready for collection",
            "uk": "Карта побиту готова до отримання",
            "ru": "Карта побыту готова к получению",
        },
        "explanation": {
            "pl": (
                "Twoja karta pobytu jest gotowa. Odbierasz ją osobiście w miejscu, w którym prowadzona jest Twoja "
                "sprawa."
            ),
            "en": (
                "Your residence card (karta pobytu) is ready. You collect it in person at the office handling your "
                "case."
            ),
            "uk": (
                "Ваша карта побиту (karta pobytu) готова. Отримати її потрібно особисто там, де ведеться ваша справа."
            ),
            "ru": ("Ваша карта побыту (karta pobytu) готова. Получить её нужно лично там, где ведётся ваше дело."),
        },
        "applicant_action": {
            "pl": (
                "Zarezerwuj wizytę na odbiór karty pobytu w miejscu, w którym prowadzona jest Twoja sprawa, i przyjdź "
                "z paszportem."
            ),
            "en": (
                "Book an appointment (wizyta) for residence card collection at the office handling your case and "
                "bring your passport."
            ),
            "uk": (
                "Запишіться на візит (wizyta) для отримання карти побиту туди, де ведеться ваша справа, і візьміть із "
                "собою паспорт."
            ),
            "ru": (
                "Запишитесь на визит (wizyta) для получения карты побыту туда, где ведётся ваше дело, и возьмите с "
                "собой паспорт."
            ),
        },
    },
    {
        "code": "closed",
        "stage": 90,
        "order": 0,
        "visit": "",
        "outcome": "",
        "is_final": True,
        "action_deadline_days": None,
        "name": {
            "pl": "Sprawa zakończona",
            "en": "Case closed",
            "uk": "Справу завершено",
            "ru": "Дело завершено",
        },
        "explanation": {
            "pl": (
                "Sprawa jest zakończona: karta pobytu została odebrana albo decyzja jest ostateczna i nie ma już nic "
                "do zrobienia."
            ),
            "en": (
                "Your case is closed: the residence card has been collected, or the decision is final and nothing "
                "more needs to be done."
            ),
            "uk": (
                "Вашу справу завершено: карту побиту отримано або рішення остаточне і більше нічого робити не потрібно."
            ),
            "ru": (
                "Ваше дело завершено: карта побыту получена или решение окончательное и больше ничего делать не нужно."
            ),
        },
        "applicant_action": {"pl": "", "en": "", "uk": "", "ru": ""},
    },
]

_TEMPORARY_RESIDENCE_BASIS = "art. 112a ust. 1 ustawy z dnia 12 grudnia 2013 r. o cudzoziemcach"

PROCEDURES: list[dict[str, Any]] = [
    {
        "code": "temporary-residence-work",
        "guide_slug": "temporary-residence-work",
        "time_limit_days": 60,
        "time_limit_basis": _TEMPORARY_RESIDENCE_BASIS,
        "name_in_polish_law": "udzielenie zezwolenia na pobyt czasowy i pracę",
        "name": {
            "pl": "Zezwolenie na pobyt czasowy i pracę",
            "en": "Temporary residence and work permit (single permit)",
            "uk": "Дозвіл на тимчасове проживання та роботу",
            "ru": "Разрешение на временное пребывание и работу",
        },
    },
    {
        "code": "temporary-residence-studies",
        "guide_slug": "temporary-residence-studies",
        "time_limit_days": 60,
        "time_limit_basis": _TEMPORARY_RESIDENCE_BASIS,
        "name_in_polish_law": "udzielenie zezwolenia na pobyt czasowy w celu kształcenia się na studiach",
        "name": {
            "pl": "Zezwolenie na pobyt czasowy w celu studiów",
            "en": "Temporary residence permit for studies",
            "uk": "Дозвіл на тимчасове проживання з метою навчання",
            "ru": "Разрешение на временное пребывание с целью учёбы",
        },
    },
    {
        "code": "temporary-residence-family",
        "guide_slug": "family-reunification",
        "time_limit_days": 60,
        "time_limit_basis": _TEMPORARY_RESIDENCE_BASIS,
        "name_in_polish_law": "udzielenie zezwolenia na pobyt czasowy w celu połączenia z rodziną",
        "name": {
            "pl": "Zezwolenie na pobyt czasowy – łączenie z rodziną",
            "en": "Temporary residence permit for family reunification",
            "uk": "Дозвіл на тимчасове проживання з метою возз'єднання сім'ї",
            "ru": "Разрешение на временное пребывание с целью воссоединения семьи",
        },
    },
    {
        "code": "temporary-residence-business",
        "guide_slug": "temporary-residence-business",
        "time_limit_days": 60,
        "time_limit_basis": _TEMPORARY_RESIDENCE_BASIS,
        "name_in_polish_law": "udzielenie zezwolenia na pobyt czasowy w celu prowadzenia działalności gospodarczej",
        "name": {
            "pl": "Zezwolenie na pobyt czasowy w celu prowadzenia działalności gospodarczej",
            "en": "Temporary residence permit for running a business",
            "uk": "Дозвіл на тимчасове проживання для ведення підприємницької діяльності",
            "ru": "Разрешение на временное пребывание для ведения предпринимательской деятельности",
        },
    },
    {
        "code": "eu-blue-card",
        "guide_slug": "eu-blue-card",
        "time_limit_days": 60,
        "time_limit_basis": _TEMPORARY_RESIDENCE_BASIS,
        "name_in_polish_law": (
            "udzielenie zezwolenia na pobyt czasowy w celu wykonywania pracy w zawodzie wymagającym wysokich "
            "kwalifikacji"
        ),
        "name": {
            "pl": "Niebieska Karta UE (zezwolenie na pobyt czasowy w celu pracy w zawodzie wymagającym wysokich "
            "kwalifikacji)",
            "en": "EU Blue Card (temporary residence permit for highly qualified work)",
            "uk": "Блакитна карта ЄС (дозвіл на тимчасове проживання для висококваліфікованої роботи)",
            "ru": "Голубая карта ЕС (разрешение на временное пребывание для высококвалифицированной работы)",
        },
    },
    {
        "code": "permanent-residence",
        "guide_slug": "permanent-residence",
        "time_limit_days": None,
        "time_limit_months": 6,
        "time_limit_basis": "art. 210 ustawy z dnia 12 grudnia 2013 r. o cudzoziemcach",
        "name_in_polish_law": "udzielenie zezwolenia na pobyt stały",
        "name": {
            "pl": "Zezwolenie na pobyt stały",
            "en": "Permanent residence permit",
            "uk": "Дозвіл на постійне проживання",
            "ru": "Разрешение на постоянное пребывание",
        },
    },
    {
        "code": "eu-long-term-residence",
        "guide_slug": "eu-long-term-residence",
        "time_limit_days": None,
        # Six months, as the EU long-term residence guide says; the act is cited without an article number because
        # the article after the December 2025 amendment (Dz.U. 2025 poz. 1794) has not been confirmed.
        "time_limit_months": 6,
        "time_limit_basis": "ustawa z dnia 12 grudnia 2013 r. o cudzoziemcach",
        "name_in_polish_law": "udzielenie zezwolenia na pobyt rezydenta długoterminowego UE",
        "name": {
            "pl": "Zezwolenie na pobyt rezydenta długoterminowego UE",
            "en": "EU long-term resident permit",
            "uk": "Дозвіл на проживання довгострокового резидента ЄС",
            "ru": "Разрешение на пребывание долгосрочного резидента ЕС",
        },
    },
    {
        "code": "residence-card-replacement",
        "guide_slug": "residence-card-replacement",
        "time_limit_days": None,
        "time_limit_basis": "",
        "name_in_polish_law": "wymiana karty pobytu",
        "name": {
            "pl": "Wymiana karty pobytu",
            "en": "Residence card replacement",
            "uk": "Обмін карти побиту",
            "ru": "Замена карты побыту",
        },
    },
]
