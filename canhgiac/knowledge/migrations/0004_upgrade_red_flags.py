"""Release v2 of the content: red-flag patterns fixed so they stay silent on legitimate messages (negations such
as "không cung cấp", warnings that describe scams, ambiguous folded words) and cannot backtrack catastrophically.
Applied only to red flags still as shipped in release v1 (knowledge/upgrades.py); coordinators' edits are kept."""

from django.db import migrations, models


def upgrade(apps, schema_editor):
    from canhgiac.knowledge.upgrades import upgrade_red_flags

    models_then = (
        apps.get_model("knowledge", "ScamMethod"),
        apps.get_model("knowledge", "RedFlag"),
        apps.get_model("knowledge", "MethodRevision"),
    )
    upgrade_red_flags(models=models_then, until="v2")


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0003_national_source")]

    operations = [
        migrations.AlterField(
            model_name="methodrevision",
            name="kind",
            field=models.CharField(
                choices=[
                    ("seed", "Nạp nội dung ban đầu"),
                    ("create", "Tạo mới"),
                    ("edit", "Sửa nội dung"),
                    ("publish", "Công bố"),
                    ("unpublish", "Ngừng công bố"),
                    ("restore", "Khôi phục bản cũ"),
                    ("upgrade", "Cập nhật nội dung phát hành"),
                ],
                max_length=12,
                verbose_name="loại thay đổi",
            ),
        ),
        migrations.RunPython(upgrade, migrations.RunPython.noop),
    ]
