from django.core.management.base import BaseCommand, CommandError

from canhgiac.campaigns.models import Campaign
from canhgiac.campaigns.services.counters import coverage_backfill, coverage_rebuild, coverage_snapshot


class Command(BaseCommand):
    help = (
        "Đếm lại bộ đếm bao phủ của các chiến dịch đang triển khai từ quá trình công tác (số liệu hôm nay); "
        "--lich-su ghi thêm số liệu từng tuần đã qua cho biểu đồ tiến độ."
    )

    def add_arguments(self, parser):
        parser.add_argument("--chien-dich", type=int, default=None, help="Chỉ chiến dịch có mã số này.")
        parser.add_argument(
            "--lich-su",
            action="store_true",
            help="Ghi số liệu các mốc tuần từ ngày bắt đầu còn thiếu (đếm chính xác theo từng ngày).",
        )

    def handle(self, *args, **options):
        campaigns = Campaign.objects.filter(status=Campaign.Status.ACTIVE)
        if options["chien_dich"]:
            campaigns = Campaign.objects.filter(pk=options["chien_dich"])
            if not campaigns.exists():
                raise CommandError(f"Không có chiến dịch số {options['chien_dich']}.")
        for campaign in campaigns:
            if campaign.status != Campaign.Status.ACTIVE:
                self.stdout.write(f"“{campaign.title}”: không đang triển khai, bỏ qua bộ đếm.")
            else:
                result = coverage_rebuild(campaign=campaign)
                coverage_snapshot(campaign=campaign, day=campaign.coverage_as_of)
                self.stdout.write(
                    f"“{campaign.title}”: {result['units']} đơn vị, {result['reached']}/{result['people']} người "
                    "đã được tuyên truyền."
                )
            if options["lich_su"]:
                written = coverage_backfill(campaign=campaign, days=campaign.weekly_dates())
                self.stdout.write(f"  ghi thêm {len(written)} mốc lịch sử.")
