from .materials import (
    material_add_version,
    material_create,
    material_record_download,
    material_set_archived,
    material_update,
)
from .methods import (
    method_create,
    method_publish,
    method_restore,
    method_unpublish,
    method_update,
    record_revision,
)

__all__ = [
    "material_add_version",
    "material_create",
    "material_record_download",
    "material_set_archived",
    "material_update",
    "method_create",
    "method_publish",
    "method_restore",
    "method_unpublish",
    "method_update",
    "record_revision",
]
