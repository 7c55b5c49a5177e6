from .materials import Audience, Material, MaterialVersion, Visibility
from .methods import (
    MIN_DO,
    MIN_DONT,
    MIN_EXAMPLES,
    MIN_RED_FLAGS,
    Channel,
    ExampleMessage,
    MethodRevision,
    RedFlag,
    ScamMethod,
    search_words,
)

__all__ = [
    "MIN_DO",
    "MIN_DONT",
    "MIN_EXAMPLES",
    "MIN_RED_FLAGS",
    "Audience",
    "Channel",
    "ExampleMessage",
    "Material",
    "MaterialVersion",
    "MethodRevision",
    "RedFlag",
    "ScamMethod",
    "Visibility",
    "search_words",
]
