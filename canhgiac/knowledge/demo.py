from .catalogue import ensure_catalogue


def load(ctx) -> None:
    created = ensure_catalogue()
    ctx.say(f"  Danh mục phương thức lừa đảo: thêm {created}")
