"""The fields of a blank form, drawn once per process (the `fields` macro of
`templates/jinja2/includes/forms.html` calls `blank_fields`).

An unbound form of a class whose fields draw only from the class (labels, help texts, choices
fixed in the code) draws the same HTML for every complaint: the portal's complaint page drew the
satisfaction survey's two radio groups for 0.45 ms on every request, the message and withdrawal
forms 0.15 ms each. A form class opts in with `blank_fields_cached = True`; what an instance may
still change (a label chosen from the complaint, a help text set by the view, required or not)
is part of the key, with the class, the prefix, the ids and the language. A bound form (errors,
what was typed) or one with initial values is drawn each time, and so is every form that has not
opted in (a route form lists the routes of its complaint).
"""

from django.utils.translation import get_language

LIMIT = 512  # different keys a process keeps: forms × languages × labels, a few dozen in use
_drawn: dict = {}


def key_of(form):
    """What the blank form's fields draw from, or None when it is not to be kept."""
    if not getattr(form, "blank_fields_cached", False) or form.is_bound or form.initial:
        return None
    return (
        type(form),
        form.prefix,
        form.auto_id,
        get_language(),
        tuple(
            (name, str(field.label), str(field.help_text), field.required)
            for name, field in form.fields.items()
        ),
    )


def blank_fields(form, draw):
    """`draw(form)` (the macro that draws the fields), kept per `key_of(form)`."""
    key = key_of(form)
    if key is None:
        return draw(form)
    html = _drawn.get(key)
    if html is None:
        if len(_drawn) >= LIMIT:
            _drawn.clear()
        html = _drawn[key] = draw(form)
    return html


def forget() -> None:
    """Drop what is kept (tests; a process picks up new translations by restarting)."""
    _drawn.clear()
