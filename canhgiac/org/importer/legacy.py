"""Legacy font conversion now lives in `canhgiac.org.tabular.legacy` (shared by every importer)."""

from ..tabular.legacy import converter, detect, encode_tcvn3, encode_vni, tcvn3_to_unicode, vni_to_unicode

__all__ = ["converter", "detect", "encode_tcvn3", "encode_vni", "tcvn3_to_unicode", "vni_to_unicode"]
