"""Bad inputs every stage must survive: `HOSTILE_STRINGS`, a tuple of str.

Reused by the tests of clean and of every extractor (as spaCy reuses its naughty
strings): none may raise, and every offset must stay inside the text.
"""

from __future__ import annotations

import unicodedata

_SENTENCE = "Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy chủ trì hội nghị."

HOSTILE_STRINGS: tuple[str, ...] = (
    "",
    " ",
    "\n",
    "\n\n\n",
    " \t \r\n \u00a0 ",
    "\u00a0",
    "\u00a0\u00a0Tỉnh\u00a0ủy\u00a0",
    "\u200b\u200c\u200d\ufeff",
    "\ufeffHội nghị Tỉnh ủy",
    "Uỷ ban nhân dân tỉnh và Ủy ban nhân dân huyện; hoà bình, hòa bình",
    unicodedata.normalize("NFD", _SENTENCE),
    unicodedata.normalize("NFD", "Uỷ ban") + " Ủy ban",
    "\u0301\u0309 dấu thanh đứng đầu",
    "a\u0301\u0301\u0301\u0323",
    "<p>Đồng chí <b>Trần Thị Bình</b>, Chủ tịch UBND tỉnh</p><br/>&nbsp;&amp;",
    "<script>var x = '{{name}}';</script>",
    "{name} - {time}\n{body}\n{{title}}",
    "&lt;div&gt; Tỉnh ủy &#7911;y",
    "Tỉnh ủy.Các đồng chí" * 3,
    "ThanhTâmCácÝKiến",
    "ĐỒNG CHÍ NGUYỄN VĂN AN, BÍ THƯ TỈNH ỦY",
    "đồng chí nguyễn văn an",
    "Nghị quyết số 04-NQ/TW ngày 30/10/2016; Chỉ thị 42-CT/TU; 15/2020/QĐ-TTg",
    "lần thứ XIV, khóa XIII, nhiệm kỳ 2020 – 2025, ngày 31/02/2020, 99/99/9999",
    "\x00\x01\x07\x1b\x7f",
    "\r\r\r\n\n\r",
    "\u2028\u2029\x0b\x0c\x85",
    "𝐓𝐢̉𝐧𝐡 𝐮̉𝐲 🇻🇳 😀 \U0010ffff",
    "\uffff\ufffe\ufffd",
    "IMG_1234.jpg",
    "." * 500,
    "-" * 80 + "\n" + "=" * 80,
    "Đồng chí " * 2000,
    _SENTENCE * 400,
    ("Bí thư Tỉnh ủy " + "x" * 50000),
    "\n".join([_SENTENCE] * 50),
    "A" * 10000,
)
