"""Demo enquiries: questions by phone, e-mail, the web form, in person and by letter, in four languages, for the
helpline and the places, in every status and service-level state (on time, due soon, overdue, paused), and canned
answers in four languages. Made through the services, so the audit trail is filled as in real work. Running it
again creates nothing twice."""

import random
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, TypedDict

from django.db import transaction
from django.utils import timezone

from infopoints import services
from infopoints.attachments import IncomingFile
from infopoints.models import CannedAnswer, Enquiry
from portal.models import Category, Guide, Place, User

DEMO_DOMAIN = "demo.kierunek.invalid"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class _Canned(TypedDict):
    title: dict[str, str]  # by language
    topic: str  # a guide category's slug, or "" for none
    guides: list[str]  # slugs
    body: dict[str, str]  # by language


CANNED: list[_Canned] = [
    {
        "title": {"pl": "Odbiór karty pobytu", "en": "Residence card collection",
                  "uk": "Отримання карти побиту", "ru": "Получение карты побыту"},
        "topic": "residence-card",
        "guides": [],
        "body": {
            "pl": "Dzień dobry,\n\nkartę pobytu (karta pobytu) odbiera się osobiście w miejscu złożenia wniosku, po "
                  "wiadomości, że jest gotowa. Wizytę w sprawie odbioru karty pobytu można zarezerwować na naszej "
                  "stronie.\n\nPozdrawiamy,\nWydział Spraw Cudzoziemców",
            "en": "Hello,\n\nyou collect your residence card (karta pobytu) in person where you applied, once we "
                  "tell you it is ready. You can book a residence card collection appointment on our site.\n\n"
                  "Kind regards,\nForeigners' Affairs Department",
            "uk": "Добрий день!\n\nКарту побиту (karta pobytu) отримують особисто там, де подано заяву, після "
                  "повідомлення, що вона готова. Запис на візит для отримання карти побиту доступний на нашому "
                  "сайті.\n\nЗ повагою,\nВідділ у справах іноземців",
            "ru": "Здравствуйте!\n\nКарту побыту (karta pobytu) получают лично там, где было подано заявление, "
                  "после сообщения о её готовности. Запись на визит для получения карты побыту доступна на нашем "
                  "сайте.\n\nС уважением,\nОтдел по делам иностранцев",
        },
    },
    {
        "title": {"pl": "Status sprawy", "en": "Case status", "uk": "Статус справи", "ru": "Статус дела"},
        "topic": "decisions-and-appeals",
        "guides": [],
        "body": {
            "pl": "Dzień dobry,\n\nstatus sprawy sprawdzisz na naszej stronie, podając numer sprawy i kod dostępu z "
                  "potwierdzenia złożenia wniosku.\n\nPozdrawiamy,\nWydział Spraw Cudzoziemców",
            "en": "Hello,\n\nyou can check your case status on our site with the case number and the access code "
                  "from the confirmation of your application.\n\nKind regards,\nForeigners' Affairs Department",
            "uk": "Добрий день!\n\nСтатус справи можна перевірити на нашому сайті за номером справи та кодом "
                  "доступу з підтвердження подання заяви.\n\nЗ повагою,\nВідділ у справах іноземців",
            "ru": "Здравствуйте!\n\nСтатус дела можно проверить на нашем сайте по номеру дела и коду доступа из "
                  "подтверждения подачи заявления.\n\nС уважением,\nОтдел по делам иностранцев",
        },
    },
    {
        "title": {"pl": "Prośba o uzupełnienie", "en": "Please send the missing document",
                  "uk": "Прохання надіслати документ", "ru": "Просьба прислать документ"},
        "topic": "",
        "guides": ["temporary-residence-work"],
        "body": {
            "pl": "Dzień dobry,\n\nabyśmy mogli odpowiedzieć, prosimy o przesłanie skanu strony paszportu ze "
                  "zdjęciem w odpowiedzi na tę wiadomość.\n\nPozdrawiamy,\nWydział Spraw Cudzoziemców",
            "en": "Hello,\n\nso that we can answer, please send us a scan of your passport's photo page in reply to "
                  "this message.\n\nKind regards,\nForeigners' Affairs Department",
            "uk": "Добрий день!\n\nЩоб ми могли відповісти, надішліть, будь ласка, скан сторінки паспорта з "
                  "фотографією у відповідь на цей лист.\n\nЗ повагою,\nВідділ у справах іноземців",
            "ru": "Здравствуйте!\n\nЧтобы мы могли ответить, пришлите, пожалуйста, скан страницы паспорта с "
                  "фотографией в ответ на это письмо.\n\nС уважением,\nОтдел по делам иностранцев",
        },
    },
]

QUESTIONS = [
    ("uk", "residence-card", "Коли буде готова моя карта побиту? Я подала заяву в березні."),
    ("ru", "work", "Можно ли работать, пока рассматривается заявление о разрешении на временное пребывание и работу?"),
    ("pl", "family", "Jakie dokumenty są potrzebne do łączenia z rodziną dla żony i dziecka?"),
    ("en", "study", "I finish my studies in June. Which permit should I apply for to stay and look for work?"),
    ("uk", "ukraine", "Чи потрібно мені оновлювати статус UKR після отримання нового паспорта?"),
    ("pl", "permanent-stay", "Ile kosztuje opłata skarbowa za zezwolenie na pobyt stały?"),
    ("ru", "decisions-and-appeals", "Я получил отказ. Сколько дней у меня есть на апелляцию?"),
    ("en", "business", "Can I run a sole proprietorship on a temporary residence permit?"),
    ("uk", "", "Де у Познані можна зробити переклад документів присяжним перекладачем?"),
    ("pl", "residence-card", "Zgubiłam kartę pobytu. Co mam zrobić?"),
    ("en", "work", "My employer changed. Do I need a new temporary residence and work permit?"),
    ("ru", "", "Как записаться на консультацию в информационный пункт?"),
]


def load(stdout) -> None:
    _canned_answers()
    if Enquiry.objects.filter(requester_email__endswith=DEMO_DOMAIN).exists() or not User.objects.filter(
        email=f"infolinia@{DEMO_DOMAIN}"
    ).exists():
        stdout.write("Demo enquiries: already there.\n")
        return
    count = _enquiries()
    stdout.write(f"Demo enquiries at /pl/staff/enquiries/: {count}; ask a question at /pl/ask/.\n")


def _canned_answers() -> None:
    guides = {guide.slug: guide for guide in Guide.objects.all()}
    topics = {category.slug: category for category in Category.objects.all()}
    for order, item in enumerate(CANNED):
        answer, _created = CannedAnswer.objects.update_or_create(
            title_pl=item["title"]["pl"],
            defaults={
                **{f"title_{lang}": text for lang, text in item["title"].items()},
                **{f"body_{lang}": text for lang, text in item["body"].items()},
                "topic": topics.get(item["topic"]),
                "order": order,
            },
        )
        answer.guides.set([guides[slug] for slug in item["guides"] if slug in guides])


@transaction.atomic
def _enquiries() -> int:
    rng = random.Random(11)  # noqa: S311 - demo data
    consultant = User.objects.get(email=f"infolinia@{DEMO_DOMAIN}")
    desk = User.objects.filter(email=f"punkt@{DEMO_DOMAIN}").first() or consultant
    coordinator = User.objects.filter(email=f"koordynator@{DEMO_DOMAIN}").first() or consultant
    topics = {category.slug: category for category in Category.objects.all()}
    places = list(Place.objects.filter(slug__in=["poznan-foreigners-department", "uam-welcome-center"]))
    now = timezone.now()
    made = 0
    for number, (language, topic_slug, question) in enumerate(QUESTIONS * 2):
        topic = topics.get(topic_slug)
        kind = number % 6
        if kind == 0:
            enquiry = _taken_in(services.enquiry_submit_web(
                language=language, question=question, email=f"osoba{number}@{DEMO_DOMAIN}", topic=topic,
                client_key=f"demo-{number}", suggestions_shown=rng.choice([0, 1, 3]),
                files=[IncomingFile("skan.pdf", PDF)] if number % 4 == 0 else [],
            ).enquiry)
        elif kind == 1:
            enquiry = services.enquiry_receive_email(message=_Mail(
                message_id=f"<demo-{number}@{DEMO_DOMAIN}>", from_address=f"osoba{number}@{DEMO_DOMAIN}",
                from_name=["Olena", "Ivan", "Maria", "John"][number % 4], subject=question[:60], text=question,
                language_hint=language,
            ))
        elif kind == 2:
            enquiry = services.enquiry_call_log(
                user=consultant, topic=topic, language=language, summary=question[:200], answered=number % 4 != 2,
                callback_phone=f"+48 600 000 {number:03d}",
            )
        elif kind == 3 and places:
            place = places[number % len(places)]
            enquiry = services.enquiry_record_in_person(
                user=desk if desk.places.filter(pk=place.pk).exists() else coordinator, place=place, topic=topic,
                language=language, summary=question[:200],
            )
        elif kind == 4:
            enquiry = _taken_in(services.enquiry_submit_web(
                language=language, question=question, email=f"osoba{number}@{DEMO_DOMAIN}", topic=topic,
                client_key=f"demo-{number}", case_number=_demo_case_number(number),
            ).enquiry)
            services.enquiry_assign(user=coordinator, enquiry_id=enquiry.pk, assignee_id=consultant.pk)
            answer = CannedAnswer.objects.order_by("order").first()
            if answer is not None:
                from infopoints.selectors import canned_answer_text

                services.enquiry_reply(user=consultant, enquiry_id=enquiry.pk, wait_for_person=number % 2 == 0,
                                       body=canned_answer_text(answer, language=enquiry.language))
        else:
            enquiry = services.enquiry_receive_email(message=_Mail(
                message_id=f"<demo-letter-{number}@{DEMO_DOMAIN}>", from_address=f"osoba{number}@{DEMO_DOMAIN}",
                from_name="", subject=question[:60], text=question, language_hint=language,
            ))
            Enquiry.objects.filter(pk=enquiry.pk).update(channel=Enquiry.Channel.LETTER)
            services.enquiry_note_add(user=coordinator, enquiry_id=enquiry.pk,
                                      body="List przyszedł pocztą; skan w systemie kancelaryjnym.")
            if places:  # letters are answered by a place's team, so the info point has open work too
                services.enquiry_team_set(user=coordinator, enquiry_id=enquiry.pk, place_id=places[0].pk)
        # Spread the deadlines: some overdue, some due soon, the rest on time.
        shift = [timedelta(hours=-30), timedelta(hours=-2), timedelta(hours=2), timedelta(days=2)][number % 4]
        Enquiry.objects.filter(pk=enquiry.pk, status__in=["new", "in_progress"]).update(due_at=now + shift)
        made += 1
    return made


@dataclass
class _Mail:
    """A demo e-mail as e-mail intake hands it over (see `services.enquiry_receive_email`)."""

    message_id: str
    from_address: str
    from_name: str
    subject: str
    text: str
    language_hint: str
    in_reply_to: str = ""
    references: list[str] = field(default_factory=list)
    attachments: list[Any] = field(default_factory=list)


def _taken_in(enquiry: Enquiry | None) -> Enquiry:
    """The enquiry a demo question opened. Each has its own client key and no honeypot, so none is refused;
    if one were, the demo stops here rather than later on a missing enquiry."""
    if enquiry is None:
        raise RuntimeError("A demo question was not taken in.")
    return enquiry


def _demo_case_number(number: int) -> str:
    """A showcase case of the cases demo (WSC-II-S.6151.9001.2026, …), so staff see its status beside it."""
    return f"WSC-II-S.6151.{9001 + number % 5}.2026"
