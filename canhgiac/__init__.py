"""canhgiac — cảnh giác: phòng, chống lừa đảo chiếm đoạt tài sản trên không gian mạng."""

__version__ = "0.1.0"
