import re
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal import roles, services
from portal.models import Notice, NoticeDelivery, NoticeSubscription, OutboundEmail
from tests.factories import PlaceFactory, UserFactory, make_guide, url_in

pytestmark = pytest.mark.django_db


def make_notice(slug: str = "notice", *, places=(), guides=(), **fields) -> Notice:
    defaults = {
        "status": Notice.Status.PUBLISHED,
        "title_pl": f"Komunikat {slug}",
        "title_en": f"Notice {slug}",
        "title_uk": f"Оголошення {slug}",
        "summary_pl": "Krótko o zmianie.",
        "summary_en": "A short word on the change.",
        "summary_uk": "Коротко про зміну.",
        "body_pl": "Szczegóły zmiany.",
        "published_at": timezone.now() - timedelta(days=1),
    }
    notice = Notice.objects.create(slug=slug, **{**defaults, **fields})
    notice.places.set(places)
    notice.guides.set(guides)
    return notice


# --- Reading ------------------------------------------------------------------------------------------------


def test_list_shows_public_notices_newest_first_and_hides_drafts_and_scheduled_ones(client):
    make_notice("older", published_at=timezone.now() - timedelta(days=10))
    make_notice("newer")
    make_notice("draft", status=Notice.Status.DRAFT)
    make_notice("scheduled", published_at=timezone.now() + timedelta(hours=2))
    content = client.get(url_in("en", "notice_list")).content.decode()
    assert content.index("Notice newer") < content.index("Notice older")
    assert "Notice draft" not in content and "Notice scheduled" not in content


def test_list_is_paginated_and_a_bad_page_number_shows_the_first_page_with_a_message(client):
    for number in range(12):
        make_notice(f"n{number:02}", published_at=timezone.now() - timedelta(hours=number + 1))
    first = client.get(url_in("en", "notice_list")).content.decode()
    assert "Notice n00" in first and "Notice n10" not in first and "page=2" in first
    second = client.get(url_in("en", "notice_list") + "?page=2").content.decode()
    assert "Notice n10" in second and "Notice n00" not in second
    for bad in ("abc", "99", "-1", "0", "²", "1" * 40, "%00"):
        response = client.get(url_in("en", "notice_list") + f"?page={bad}")
        assert response.status_code == 200
        assert "That page of the list does not exist" in response.content.decode()


def test_list_filters_by_place_and_procedure(client):
    place = PlaceFactory()
    guide = make_guide()
    make_notice("about-place", places=[place])
    make_notice("about-guide", guides=[guide])
    by_place = client.get(url_in("en", "notice_list") + f"?place={place.slug}").content.decode()
    assert "Notice about-place" in by_place and "Notice about-guide" not in by_place
    assert f'<option value="{place.slug}" selected>' in by_place
    by_guide = client.get(url_in("en", "notice_list") + f"?procedure={guide.slug}").content.decode()
    assert "Notice about-guide" in by_guide and "Notice about-place" not in by_guide


@pytest.mark.parametrize("query", ["?place=nowhere", "?procedure=%00%ff", "?place[]=x&procedure=<script>"])
def test_malformed_filters_are_ignored_with_a_message(client, query):
    make_notice("visible")
    response = client.get(url_in("en", "notice_list") + query)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Notice visible" in content
    assert "is not known; all notices are shown" in content or query.startswith("?place[]")
    assert "<script>" not in content


def test_detail_page_in_the_readers_language_with_what_it_concerns(client):
    place = PlaceFactory()
    notice = make_notice(places=[place])
    content = client.get(url_in("uk", "notice_detail", slug=notice.slug)).content.decode()
    assert "Оголошення notice" in content
    assert place.get_absolute_url().replace("/pl/", "/uk/") in content or f"/uk/places/{place.slug}/" in content
    assert 'lang="pl"' in content  # the body has no Ukrainian text: the Polish fallback is marked


@pytest.mark.parametrize("slug", ["no-such-notice", "draft", "scheduled"])
def test_unknown_draft_and_scheduled_notices_are_a_translated_404(client, slug):
    make_notice("draft", status=Notice.Status.DRAFT)
    make_notice("scheduled", published_at=timezone.now() + timedelta(days=1))
    response = client.get(url_in("uk", "notice_detail", slug=slug))
    assert response.status_code == 404
    assert 'lang="uk"' in response.content.decode()


def test_expired_notice_says_so_with_410(client):
    notice = make_notice(
        published_at=timezone.now() - timedelta(days=30), valid_until=timezone.now() - timedelta(days=1)
    )
    response = client.get(url_in("en", "notice_detail", slug=notice.slug))
    assert response.status_code == 410
    assert "This notice has expired" in response.content.decode()
    assert "expired" in client.get(url_in("en", "notice_list")).content.decode()


def test_editors_preview_scheduled_notices_and_the_public_cannot(client):
    make_notice("scheduled", published_at=timezone.now() + timedelta(days=1))
    url = url_in("pl", "notice_preview", slug="scheduled")
    assert client.get(url).status_code == 302
    client.force_login(UserFactory(with_totp=True))
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(role=roles.CONTENT_EDITOR, with_totp=True))
    response = client.get(url)
    assert response.status_code == 200 and "Komunikat scheduled" in response.content.decode()


def test_urgent_notice_in_force_is_a_banner_on_every_page_in_the_readers_language(client):
    make_notice("urgent", importance=Notice.Importance.URGENT)
    make_notice("urgent-expired", importance=Notice.Importance.URGENT, valid_until=timezone.now() - timedelta(hours=1))
    make_notice("normal")
    for name in ("home", "place_list", "notice_list", "faq_list", "fee_list", "partner_list"):
        content = client.get(url_in("uk", name)).content.decode()
        assert content.count("data-urgent-notice=") == 1, name
        assert "Оголошення urgent" in content
        assert "data-dismiss-notice" in content and " hidden>" in content  # the button appears only with JavaScript
    assert "notices.js" in content


def test_banner_appears_on_cached_pages_when_a_scheduled_urgent_notice_comes_out(client):
    make_notice("later", importance=Notice.Importance.URGENT, published_at=timezone.now() + timedelta(minutes=5))
    url = url_in("en", "place_list")
    assert services.notices_visibility_refresh() is True  # first run: nothing known yet
    assert "Notice later" not in client.get(url).content.decode()
    # Its time comes; nothing is saved, so nothing else would refresh the cached page.
    Notice.objects.filter(slug="later").update(published_at=timezone.now() - timedelta(seconds=1))
    assert "Notice later" not in client.get(url).content.decode()
    assert services.notices_visibility_refresh() is True
    assert "Notice later" in client.get(url).content.decode()
    assert services.notices_visibility_refresh() is False  # nothing changed since


def test_guide_page_shows_the_notices_in_force_that_concern_it(client):
    guide = make_guide()
    make_notice("about-it", guides=[guide])
    make_notice("expired", guides=[guide], valid_until=timezone.now() - timedelta(hours=1))
    make_notice("other")
    content = client.get(url_in("en", "guide_detail", slug=guide.slug)).content.decode()
    assert "Notices about this procedure" in content
    assert "Notice about-it" in content and "Notice expired" not in content and "Notice other" not in content


@pytest.mark.parametrize("page", ["notice_list", "notice_detail"])
def test_notice_pages_use_the_same_number_of_queries_whatever_the_size(client, page, django_assert_num_queries):
    def url():
        return url_in("pl", page, slug="n-0") if page == "notice_detail" else url_in("pl", page)

    make_notice("n-0")
    with CaptureQueriesContext(connection) as small:
        client.get(url())
    places = PlaceFactory.create_batch(3)
    guides = [make_guide(f"guide-{number}") for number in range(3)]
    for number in range(1, 15):
        make_notice(f"n-{number}", places=places, guides=guides, importance=Notice.Importance.URGENT)
    Notice.objects.get(slug="n-0").places.set(places)
    cache.clear()
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(url()).status_code == 200


# --- Feed ---------------------------------------------------------------------------------------------------


def test_atom_feed_per_language_lists_public_notices_and_is_cached(client, django_assert_num_queries):
    make_notice("published")
    make_notice("draft", status=Notice.Status.DRAFT)
    response = client.get(url_in("uk", "notice_feed"))
    content = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert 'xml:lang="uk"' in content and "Оголошення published" in content and "draft" not in content
    assert "/uk/notices/published/" in content
    with django_assert_num_queries(0):
        assert client.get(url_in("uk", "notice_feed")).content.decode() == content
    assert "Notice published" in client.get(url_in("en", "notice_feed")).content.decode()


# --- Subscriptions --------------------------------------------------------------------------------------------


def subscribe(client, email="reader@example.org", language="uk", **data):
    return client.post(url_in(language, "notice_subscribe"), {"email": email, **data})


def confirm_link(language="uk") -> str:
    body = OutboundEmail.objects.filter(dedupe_key__startswith="notice-subscribe:").latest("created_at").body_text
    return re.search(rf"http://\S+/{language}/notices/subscribe/\S+/", body).group(0).split("testserver", 1)[-1]


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_subscribing_sends_a_confirmation_link_and_nothing_else_until_confirmed(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client)
    assert response.status_code == 200
    subscription = NoticeSubscription.objects.get()
    assert subscription.confirmed_at is None and subscription.language == "uk"
    assert len(mail.outbox) == 1 and "reader@example.org" in mail.outbox[0].to
    link = path_of(re.search(r"https?://\S+/notices/subscribe/\S+/", mail.outbox[0].body).group(0))
    make_notice("before-confirmation")
    with django_capture_on_commit_callbacks(execute=True):
        services.notice_deliver(notice_id=Notice.objects.get().pk)
    assert len(mail.outbox) == 1  # an unconfirmed address receives nothing
    assert client.get(link).status_code == 200  # a mail scanner opening the link confirms nothing
    assert NoticeSubscription.objects.get().confirmed_at is None
    assert client.post(link).status_code == 200
    assert NoticeSubscription.objects.get().confirmed_at is not None


def test_confirmation_link_is_signed_with_its_own_purpose_and_expires(client):
    subscribe(client)
    subscription = NoticeSubscription.objects.get()
    forged = signing.dumps({"s": subscription.pk, "p": [], "g": []}, salt=services.UNSUBSCRIBE_SALT)
    assert client.post(url_in("uk", "notice_subscription_confirm", token=forged)).status_code == 400
    assert client.post(url_in("uk", "notice_subscription_confirm", token="garbage")).status_code == 400
    token = services.subscription_confirm_token(subscription_id=subscription.pk, place_ids=[], guide_ids=[])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(services, "CONFIRMATION_MAX_AGE", -1)
        assert services.notice_subscription_confirm(token=token) is None
    assert NoticeSubscription.objects.get().confirmed_at is None


def test_the_form_does_not_reveal_who_subscribes_and_filters_change_only_when_confirmed(
    client, django_capture_on_commit_callbacks
):
    place = PlaceFactory()
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client)
    services.notice_subscription_confirm(token=_token_of_last_email())
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client, places=[place.pk])
    assert response.status_code == 200  # the same answer as for a new address
    assert list(NoticeSubscription.objects.get().places.all()) == []
    services.notice_subscription_confirm(token=_token_of_last_email())
    assert list(NoticeSubscription.objects.get().places.all()) == [place]


def _token_of_last_email() -> str:
    body = mail.outbox[-1].body
    return re.search(r"/notices/subscribe/(\S+)/", body).group(1)


def test_invalid_subscription_form_and_rate_limit(client):
    assert subscribe(client, email="not-an-address").status_code == 400
    for _attempt in range(services.SUBSCRIPTION_REQUESTS_PER_HOUR):
        subscribe(client, email=f"r{_attempt}@example.org")
    assert subscribe(client, email="late@example.org").status_code == 429
    assert not NoticeSubscription.objects.filter(email="late@example.org").exists()


def confirmed_subscription(email="reader@example.org", language="uk", places=(), guides=()) -> NoticeSubscription:
    subscription = NoticeSubscription.objects.create(email=email, language=language, confirmed_at=timezone.now())
    subscription.places.set(places)
    subscription.guides.set(guides)
    return subscription


def test_published_notice_is_emailed_once_in_the_subscribers_language_with_an_unsubscribe_link(
    client, django_capture_on_commit_callbacks
):
    confirmed_subscription(language="uk")
    confirmed_subscription(email="en@example.org", language="en")
    notice = make_notice()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.notices_announce_due() == [notice.pk]
    assert sorted(message.subject for message in mail.outbox) == ["Notice notice", "Оголошення notice"]
    ukrainian = next(message for message in mail.outbox if message.to == ["reader@example.org"])
    assert "/uk/notices/notice/" in ukrainian.body and "/uk/notices/unsubscribe/" in ukrainian.body
    with django_capture_on_commit_callbacks(execute=True):
        assert services.notices_announce_due() == []  # announced once
        services.notice_deliver(notice_id=notice.pk)  # a retried task
    assert len(mail.outbox) == 2
    assert NoticeDelivery.objects.count() == 2


def test_database_refuses_a_second_delivery_of_one_notice_to_one_subscriber():
    subscription = confirmed_subscription()
    notice = make_notice()
    NoticeDelivery.objects.create(notice=notice, subscription=subscription)
    with pytest.raises(IntegrityError), transaction.atomic():
        NoticeDelivery.objects.create(notice=notice, subscription=subscription)


def test_subscribers_with_chosen_places_or_procedures_get_only_those_and_general_notices(
    django_capture_on_commit_callbacks,
):
    place, other_place = PlaceFactory(), PlaceFactory()
    guide = make_guide()
    confirmed_subscription(email="place@example.org", places=[place])
    confirmed_subscription(email="guide@example.org", guides=[guide])
    confirmed_subscription(email="all@example.org")
    about_place = make_notice("about-place", places=[place])
    about_other = make_notice("about-other", places=[other_place])
    general = make_notice("general")
    about_guide = make_notice("about-guide", guides=[guide])

    def recipients(notice):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            services.notice_deliver(notice_id=notice.pk)
        return sorted(message.to[0] for message in mail.outbox)

    assert recipients(about_place) == ["all@example.org", "place@example.org"]
    assert recipients(about_other) == ["all@example.org"]
    assert recipients(general) == ["all@example.org", "guide@example.org", "place@example.org"]
    assert recipients(about_guide) == ["all@example.org", "guide@example.org"]


def test_scheduled_notice_is_published_and_emailed_when_its_time_comes(django_capture_on_commit_callbacks):
    confirmed_subscription()
    publish_at = timezone.now() + timedelta(hours=1)
    notice = make_notice("scheduled", published_at=publish_at)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.notices_announce_due() == []
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        assert services.notices_announce_due(now=publish_at + timedelta(minutes=1)) == [notice.pk]
    notice.refresh_from_db()
    assert notice.announced_at is not None


def test_the_beat_task_announces_due_notices(django_capture_on_commit_callbacks):
    from portal import tasks

    confirmed_subscription()
    make_notice()
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.announce_due_notices() == 1
    assert len(mail.outbox) == 1


def test_old_notices_are_never_emailed_when_first_seen_late(django_capture_on_commit_callbacks):
    confirmed_subscription()
    make_notice(published_at=timezone.now() - services.ANNOUNCE_WINDOW - timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert len(services.notices_announce_due()) == 1
    assert mail.outbox == []


def test_unsubscribe_link_deletes_the_address(client):
    subscription = confirmed_subscription()
    token = services.subscription_unsubscribe_token(subscription_id=subscription.pk)
    url = url_in("uk", "notice_unsubscribe", token=token)
    assert client.get(url).status_code == 200
    assert NoticeSubscription.objects.exists()
    assert client.post(url).status_code == 200
    assert not NoticeSubscription.objects.exists()
    assert client.post(url_in("uk", "notice_unsubscribe", token="forged")).status_code == 400


def test_unconfirmed_requests_are_erased_after_a_week():
    old = NoticeSubscription.objects.create(email="old@example.org", language="pl")
    NoticeSubscription.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    NoticeSubscription.objects.create(email="new@example.org", language="pl")
    confirmed = confirmed_subscription(email="confirmed@example.org")
    NoticeSubscription.objects.filter(pk=confirmed.pk).update(created_at=timezone.now() - timedelta(days=80))
    assert services.notice_subscriptions_purge_unconfirmed() == 1
    assert sorted(NoticeSubscription.objects.values_list("email", flat=True)) == [
        "confirmed@example.org",
        "new@example.org",
    ]


def test_no_email_address_in_any_url_of_the_emails(client):
    subscribe(client)
    assert "reader" not in confirm_link()


# --- Admin --------------------------------------------------------------------------------------------------


def test_editor_can_add_a_notice_in_the_admin_and_its_revision_is_recorded(client):
    from portal.models import ContentRevision

    client.force_login(UserFactory(role=roles.CONTENT_EDITOR, with_totp=True))
    response = client.post(
        "/admin/portal/notice/add/",
        {
            "title_pl": "Nowy komunikat",
            "slug": "nowy-komunikat",
            "status": "published",
            "importance": "normal",
            "summary_pl": "Streszczenie.",
            "published_at_0": "2026-11-30",
            "published_at_1": "10:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    notice = Notice.objects.get(slug="nowy-komunikat")
    assert ContentRevision.objects.filter(object_id=notice.pk, content_type__model="notice").count() == 1
    assert client.get("/admin/portal/notice/").status_code == 200
    assert client.get("/admin/portal/guide/translations/").status_code == 200
    assert "Nowy komunikat" in client.get("/admin/portal/guide/translations/").content.decode()


def test_anonymous_and_staff_without_rights_cannot_reach_the_notice_admin(client):
    assert client.get("/admin/portal/notice/").status_code == 302
    client.force_login(UserFactory(role=roles.CASE_OFFICER, with_totp=True))
    assert client.get("/admin/portal/notice/add/").status_code == 403
    assert client.get("/admin/portal/noticesubscription/").status_code == 403


def test_sitemap_lists_notices_in_force_and_the_new_pages(client):
    make_notice("in-force")
    make_notice("expired", valid_until=timezone.now() - timedelta(hours=1))
    content = client.get("/sitemap.xml").content.decode()
    assert "/uk/notices/in-force/" in content and "/notices/expired/" not in content
    assert "/ru/faq/" in content and "/en/fees/" in content and "/pl/help/" in content


def test_feed_uses_the_same_number_of_queries_whatever_the_size(client, django_assert_num_queries):
    make_notice("n-0")
    with CaptureQueriesContext(connection) as small:
        client.get(url_in("pl", "notice_feed"))
    places = PlaceFactory.create_batch(2)
    for number in range(1, 25):
        make_notice(f"n-{number}", places=places)
    cache.clear()
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(url_in("pl", "notice_feed")).status_code == 200


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent transactions need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_announce_a_notice_once_and_email_each_subscriber_once():
    import threading

    from django.db import connections

    for number in range(5):
        confirmed_subscription(email=f"s{number}@example.org")
    notice = make_notice()
    barrier = threading.Barrier(2)
    announced: list[list[int]] = []

    def worker():
        try:
            barrier.wait()
            announced.append(services.notices_announce_due())
            barrier.wait()
            services.notice_deliver(notice_id=notice.pk)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(announced, key=len) == [[], [notice.pk]]
    assert NoticeDelivery.objects.count() == 5
    assert OutboundEmail.objects.filter(dedupe_key__startswith=f"notice:{notice.pk}:").count() == 5
    assert sorted(message.to[0] for message in mail.outbox) == [f"s{number}@example.org" for number in range(5)]


def test_admin_refuses_a_notice_that_expires_before_it_is_published(client):
    client.force_login(UserFactory(role=roles.CONTENT_EDITOR, with_totp=True))
    response = client.post(
        "/admin/portal/notice/add/",
        {
            "title_pl": "Zły komunikat",
            "slug": "zly-komunikat",
            "status": "published",
            "importance": "urgent",
            "summary_pl": "Streszczenie.",
            "published_at_0": "2026-11-30",
            "published_at_1": "10:00",
            "valid_until_0": "2026-11-29",
            "valid_until_1": "10:00",
        },
    )
    assert response.status_code == 200  # the form again, with the error; nothing saved
    assert "Komunikat musi wygasać po czasie publikacji." in response.content.decode()  # the admin is in Polish
    assert not Notice.objects.filter(slug="zly-komunikat").exists()
