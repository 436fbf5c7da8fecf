"""StreamField blocks for the public site's rich content."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Başlık"), max_length=200)
    level = blocks.ChoiceBlock(label=_("Düzey"), choices=[("h2", "H2"), ("h3", "H3")], default="h2")

    class Meta:
        icon = "title"
        label = _("Başlık")
        template = "cms_pages/blocks/heading.html"


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        label=_("Tür"),
        choices=[("info", _("Bilgi")), ("important", _("Önemli"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Başlık"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("Metin"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Bilgi kutusu")
        template = "cms_pages/blocks/callout.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Görsel"))
    alt_text = blocks.CharBlock(
        label=_("Alternatif metin"),
        max_length=250,
        help_text=_("Görseli göremeyenler için kısa açıklama."),
    )
    caption = blocks.CharBlock(label=_("Alt yazı"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Görsel")
        template = "cms_pages/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Alıntı"))
    attribution = blocks.CharBlock(label=_("Kaynak"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Alıntı")
        template = "cms_pages/blocks/quote.html"


class LinkButtonBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Düğme metni"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Sayfa"), required=False)
    url = blocks.CharBlock(
        label=_("ya da adres"),
        required=False,
        max_length=300,
        help_text=_("Site içi yol (/portal/) ya da tam adres."),
    )

    class Meta:
        icon = "link"
        label = _("Bağlantı düğmesi")
        template = "cms_pages/blocks/link_button.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": [_("Bir sayfa seçin ya da bir adres yazın.")]}
            )
        return value


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Belge"))
    title = blocks.CharBlock(label=_("Bağlantı metni"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Belge bağlantısı")
        template = "cms_pages/blocks/document_link.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Adım"), max_length=200)
    text = blocks.RichTextBlock(label=_("Açıklama"), features=RICH_TEXT_FEATURES)
    deadline = blocks.CharBlock(
        label=_("Süre"),
        required=False,
        max_length=200,
        help_text=_("Örneğin: 1 iş günü içinde"),
    )

    class Meta:
        icon = "list-ol"
        label = _("Adım")


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Başlık"), required=False, max_length=200)
    steps = blocks.ListBlock(StepBlock(), label=_("Adımlar"))

    class Meta:
        icon = "list-ol"
        label = _("Adımlar")
        template = "cms_pages/blocks/steps.html"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Soru"), max_length=300)
    answer = blocks.RichTextBlock(label=_("Yanıt"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Soru ve yanıt")
        template = "cms_pages/blocks/question.html"


class ContentStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraf"), features=RICH_TEXT_FEATURES, icon="pilcrow"
    )
    callout = CalloutBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    button = LinkButtonBlock()
    document = DocumentLinkBlock()
    steps = StepsBlock()


class FAQStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    question = QuestionBlock()
