"""Demo data for the office's pages: four application forms as small PDFs made at load time, and the project
page's figures published. The PDFs are demo files, not the official forms, and say so on every page and in the
admin (`is_demo`); the real forms are uploaded by editors."""

from datetime import date
from html import escape
from typing import Any

import weasyprint
from django.core.files.base import ContentFile
from django.db import transaction

from portal import project_figures
from portal.models import ApplicationForm, ApplicationFormFile, Guide, ProjectFigure

FORMS: list[dict[str, Any]] = [
    {
        "slug": "residence-card-replacement-form",
        "guide": "residence-card-replacement",
        "version": date(2025, 12, 1),
        "title": {
            "pl": "Wniosek o wymianę karty pobytu",
            "en": "Application for the replacement of a residence card",
            "uk": "Заява про обмін карти побиту",
            "ru": "Заявление о замене карты побыту",
        },
        "description": {
            "pl": "Gdy zmieniły się Twoje dane, wizerunek twarzy albo karta jest uszkodzona lub zgubiona.",
            "en": "When your personal data or appearance changed, or the card is damaged or lost.",
            "uk": "Коли змінилися ваші дані чи зовнішність або карту пошкоджено чи втрачено.",
            "ru": "Когда изменились ваши данные или внешность либо карта повреждена или утеряна.",
        },
        "translations": ["en", "uk", "ru"],
    },
    {
        "slug": "polish-travel-document-form",
        "guide": None,
        "version": date(2024, 6, 1),
        "title": {
            "pl": "Wniosek o wydanie polskiego dokumentu podróży dla cudzoziemca",
            "en": "Application for a Polish travel document for a foreigner",
            "uk": "Заява про видачу польського проїзного документа для іноземця",
            "ru": "Заявление о выдаче польского проездного документа для иностранца",
        },
        "description": {
            "pl": "Dla osoby z zezwoleniem na pobyt stały, która utraciła paszport i nie może uzyskać nowego.",
            "en": "For a holder of a permanent residence permit who lost their passport and cannot get a new one.",
            "uk": "Для власника дозволу на постійне проживання, який втратив паспорт і не може отримати новий.",
            "ru": "Владельцу разрешения на постоянное пребывание, который утратил паспорт и не может получить новый.",
        },
        "translations": [],
    },
    {
        "slug": "withdrawal-of-application",
        "guide": None,
        "version": date(2025, 3, 1),
        "title": {
            "pl": "Wycofanie wniosku (wzór pisma)",
            "en": "Withdrawal of an application (template letter)",
            "uk": "Відкликання заяви (зразок листа)",
            "ru": "Отзыв заявления (образец письма)",
        },
        "description": {
            "pl": "Gdy nie chcesz już, aby urząd rozpatrywał Twój wniosek; postępowanie zostanie umorzone.",
            "en": "When you no longer want the office to decide on your application; the proceedings are discontinued.",
            "uk": "Коли ви більше не хочете, щоб управління розглядало вашу заяву; провадження буде припинено.",
            "ru": "Если вы больше не хотите, чтобы управление рассматривало заявление; производство прекращается.",
        },
        "translations": ["uk"],
    },
    {
        "slug": "stamp-duty-refund",
        "guide": None,
        "version": date(2025, 3, 1),
        "title": {
            "pl": "Wniosek o zwrot opłaty skarbowej",
            "en": "Application for a refund of stamp duty",
            "uk": "Заява про повернення гербового збору",
            "ru": "Заявление о возврате гербового сбора",
        },
        "description": {
            "pl": "Gdy zapłaciłeś opłatę skarbową, a urząd nie wydał decyzji lub zapłaciłeś za dużo.",
            "en": "When you paid stamp duty but no decision was issued, or you paid too much.",
            "uk": "Коли ви сплатили гербовий збір, але рішення не видано, або сплатили забагато.",
            "ru": "Когда вы уплатили гербовый сбор, но решение не вынесено, или уплатили слишком много.",
        },
        "translations": [],
    },
]

DEMO_BANNER = {
    "pl": "PLIK DEMONSTRACYJNY – to nie jest urzędowy formularz.",
    "en": "DEMO FILE – this is not the official form. Unofficial translation.",
    "uk": "ДЕМОНСТРАЦІЙНИЙ ФАЙЛ – це не офіційна форма. Неофіційний переклад.",
    "ru": "ДЕМОНСТРАЦИОННЫЙ ФАЙЛ – это не официальная форма. Неофициальный перевод.",
}


def _pdf(title: str, banner: str, language: str) -> bytes:
    fields = "".join(f"<p>{n}. ______________________________________________</p>" for n in range(1, 9))
    html = (
        f'<html lang="{language}"><head><title>{escape(title)}</title></head><body>'
        f"<p><strong>{escape(banner)}</strong></p><h1>{escape(title)}</h1>{fields}</body></html>"
    )
    return weasyprint.HTML(string=html).write_pdf()


@transaction.atomic
def load(stdout) -> None:
    guides = {guide.slug: guide for guide in Guide.objects.filter(slug__in=[f["guide"] for f in FORMS if f["guide"]])}
    for order, data in enumerate(FORMS):
        values = {f"title_{code}": text for code, text in data["title"].items()}
        values.update({f"description_{code}": text for code, text in data["description"].items()})
        form, _created = ApplicationForm.objects.update_or_create(
            slug=data["slug"],
            defaults={
                **values,
                "guide": guides.get(data["guide"]),
                "is_demo": True,
                "is_published": True,
                "order": order,
            },
        )
        for language in ["pl", *data["translations"]]:
            if form.files.filter(language=language, version_date=data["version"]).exists():
                continue
            content = _pdf(data["title"][language], DEMO_BANNER[language], language)
            version = ApplicationFormFile(form=form, language=language, version_date=data["version"], size=len(content))
            version.file.save(f"{data['slug']}.pdf", ContentFile(content), save=True)
    for order, figure in enumerate(project_figures.registered()):
        ProjectFigure.objects.update_or_create(key=figure.key, defaults={"is_published": True, "order": order})
    stdout.write(f"Application forms (demo files): {ApplicationForm.objects.count()}; project figures published.")
