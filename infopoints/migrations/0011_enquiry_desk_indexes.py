"""Indexes of the enquiry desk for its lists over a large table: the default list in deadline order (partial: open
and paused), the per-view counts (partial: not closed) and the newest-first order of the answered and closed."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0009_api_call_roles'),
        ('infopoints', '0010_daily_rollups'),
        ('portal', '0017_page_view_day'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='enquiry',
            index=models.Index(condition=models.Q(('status__in', ['new', 'in_progress', 'waiting'])), fields=['due_at', 'created_at', 'id'], name='enquiry_desk_listed_due'),
        ),
        migrations.AddIndex(
            model_name='enquiry',
            index=models.Index(condition=models.Q(('status', 'closed'), _negated=True), fields=['status', 'due_at', 'assignee', 'place'], name='enquiry_desk_counts'),
        ),
        migrations.AddIndex(
            model_name='enquiry',
            index=models.Index(fields=['-created_at', 'id'], name='enquiry_created'),
        ),
    ]
