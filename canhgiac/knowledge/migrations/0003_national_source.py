from django.db import migrations


def mark_national(apps, schema_editor):
    from canhgiac.knowledge.catalogue import NATIONAL_FORMS

    ScamMethod = apps.get_model("knowledge", "ScamMethod")
    slugs = [slug for _number, slug, _group, _name in NATIONAL_FORMS]
    ScamMethod.objects.filter(slug__in=slugs).update(source="national_2023")


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0002_methods_revisions_materials")]

    operations = [migrations.RunPython(mark_national, migrations.RunPython.noop)]
