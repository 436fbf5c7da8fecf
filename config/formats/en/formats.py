# Dates people read in English: "1 December 2026 14:05", never "12/01/2026" (24-hour clock,
# Istanbul time, as the Turkish pages show it).
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y H:i"
