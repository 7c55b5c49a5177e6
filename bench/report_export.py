"""Province report export benchmark: the consolidated report of a province with 600 responsible units whose
reports are accepted, as .docx, .xlsx and .pdf.

    .venv/bin/python bench/report_export.py [--units 600] [--runs 3] [--seed 1509]

Builds, in a fresh SQLite file in a temporary folder (removed afterwards), a province → 6 blocks → `units`
communes/agencies tree, a running campaign whose responsible units are those `units`, and one accepted report per
unit with synthetic figures (bulk inserts, deterministic from the seed). Then, as the coordinator at the root sees
it, it times (best of `runs`, the median printed too) each document from the request's point of view: the
consolidation (2 queries) and the rendering of the document with its 600-row appendix.

The last line: units=… docx_s=… xlsx_s=… pdf_s=…
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build(units_wanted: int, rng: random.Random):
    from django.db import transaction
    from django.utils import timezone

    from canhgiac.accounts.models import Membership, User
    from canhgiac.campaigns.models import Campaign, CampaignUnit
    from canhgiac.org.models import Unit
    from canhgiac.reports.models import ProvinceReport, UnitReport

    today = timezone.localdate()
    with transaction.atomic():
        root = Unit.objects.add_root({"code": "QN", "name": "Tỉnh Quảng Ninh", "kind": Unit.Kind.PROVINCE})
        blocks = [
            Unit.objects.add_child(root, {"code": f"B{b}", "name": f"Khối {b + 1}", "kind": Unit.Kind.BLOCK})
            for b in range(6)
        ]
        # treebeard's add_child is one query per node; bulk-create the leaves with their materialised paths
        leaves = []
        per_block = -(-units_wanted // len(blocks))
        for index in range(units_wanted):
            block = blocks[index // per_block]
            position = index % per_block + 1
            leaves.append(
                Unit(
                    path=Unit._get_path(block.path, 3, position),
                    depth=3,
                    numchild=0,
                    code=f"U{index:04d}",
                    name=f"{rng.choice(['Phường', 'Xã', 'Sở'])} Thử Nghiệm {index + 1}",
                    kind=Unit.Kind.COMMUNE,
                )
            )
        Unit.objects.bulk_create(leaves, batch_size=1000)
        for block in blocks:
            Unit.objects.filter(pk=block.pk).update(
                numchild=Unit.objects.filter(path__startswith=block.path, depth=3).count()
            )
        user = User.objects.create_user(email="dieuphoi@bench.vn", password="x", full_name="Điều phối")
        Membership.objects.create(user=user, unit=root, role="coordinator")
        campaign = Campaign.objects.create(
            title="Tuyên truyền phòng ngừa lừa đảo trên không gian mạng (thử tải)",
            legal_number="1509/UBND-NC",
            legal_date=date(2023, 6, 15),
            legal_subject="Tăng cường tuyên truyền, phòng ngừa lừa đảo chiếm đoạt tài sản trên không gian mạng",
            starts_on=today - timedelta(days=90),
            deadline=today - timedelta(days=5),
            report_due_on=today - timedelta(days=2),
            status=Campaign.Status.ACTIVE,
        )
        campaign.audience_units.set([root])
        leaves = list(Unit.objects.filter(depth=3).order_by("path"))
        participants = CampaignUnit.objects.bulk_create(
            [CampaignUnit(campaign=campaign, unit=u) for u in leaves]
        )
        now = timezone.now()
        reports = []
        for participant in participants:
            headcount = rng.randint(25, 400)
            exempt = rng.randint(0, headcount // 20)
            people = headcount - exempt
            submitted = now - timedelta(days=rng.randint(0, 12), hours=rng.randint(0, 20))
            reports.append(
                UnitReport(
                    participant=participant,
                    campaign=campaign,
                    unit=participant.unit,
                    status=UnitReport.Status.ACCEPTED,
                    number=f"{rng.randint(10, 300)}/BC-UBND",
                    signer_title="KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
                    signer_name="Nguyễn Văn Thử",
                    results="Đã tổ chức hội nghị tuyên truyền cho cán bộ, công chức, viên chức và người lao động.",
                    figures_on=campaign.deadline,
                    headcount=headcount,
                    exempt=exempt,
                    people=people,
                    reached=int(people * rng.uniform(0.7, 1.0)),
                    conferences_held=rng.randint(1, 4),
                    attendance=int(people * rng.uniform(0.6, 1.1)),
                    pre_takers=rng.randint(0, people),
                    pre_avg=rng.uniform(45, 70),
                    post_takers=rng.randint(0, people),
                    post_avg=rng.uniform(70, 95),
                    weakest_methods=[{"number": 11, "name": "Kêu gọi đầu tư tiền ảo", "rate": 0.41}],
                    first_submitted_at=submitted,
                    submitted_at=submitted,
                    accepted_at=submitted + timedelta(days=1),
                    accepted_by=user,
                )
            )
        UnitReport.objects.bulk_create(reports, batch_size=1000)
        ProvinceReport.objects.create(
            campaign=campaign,
            number="25/BC-CAT",
            issued_on=today,
            agency_parent="UBND tỉnh Quảng Ninh",
            agency_name="Công an tỉnh Quảng Ninh",
            recipients="UBND tỉnh (để báo cáo);\nLưu: VT, PA05.",
            signer_title="KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
            signer_name="Nguyễn Văn Thử",
        )
    return campaign, user


def timed(func, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=600)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1509)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="cg-report-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canhgiac.settings")
    try:
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        t0 = time.perf_counter()
        campaign, user = build(args.units, random.Random(args.seed))
        print(f"built {args.units} units with accepted reports in {time.perf_counter() - t0:.1f} s")

        from canhgiac.accounts.models import User
        from canhgiac.campaigns.models import Campaign
        from canhgiac.reports import documents
        from canhgiac.reports.selectors import consolidation, province_report_for

        sizes = {}

        def export(kind):
            def run():
                viewer = User.objects.get(pk=user.pk)
                c = Campaign.objects.get(pk=campaign.pk)
                data = consolidation(viewer=viewer, campaign=c)
                assert len(data.reports) == args.units
                province = province_report_for(campaign=c)
                out = {
                    "docx": documents.province_report_docx,
                    "xlsx": documents.province_appendix_xlsx,
                    "pdf": documents.province_report_pdf,
                }[kind](province, data)
                sizes[kind] = len(out)

            return run

        export("pdf")()  # fonts and WeasyPrint's first-use set-up, as a running server has them
        results = {kind: timed(export(kind), args.runs) for kind in ("docx", "xlsx", "pdf")}
        for kind, (best, median) in results.items():
            print(f"{kind}: best {best:.2f} s, median {median:.2f} s, {sizes[kind] // 1024} KiB")
        print(
            f"units={args.units} docx_s={results['docx'][0]:.2f} xlsx_s={results['xlsx'][0]:.2f} "
            f"pdf_s={results['pdf'][0]:.2f}"
        )
    finally:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
