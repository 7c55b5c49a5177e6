"""The rolled-up rows (CoverageRollup) start empty: mark every campaign's counters as not for any day, so the
dashboards answer by the exact recount until the scheduled task (`coverage_rebuild`) writes counters and rolled-up
rows together. Without this, a database migrated in the middle of a day would show zeros until midnight."""

from django.db import migrations


def invalidate_counters(apps, schema_editor):
    apps.get_model("campaigns", "Campaign").objects.update(coverage_as_of=None)


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0003_coverage_rollup")]

    operations = [migrations.RunPython(invalidate_counters, migrations.RunPython.noop)]
