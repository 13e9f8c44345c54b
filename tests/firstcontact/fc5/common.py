import yaml
P = ['2~3', '2～3', '2-3', '2–3', '2—3', '2至3', '2到3', '两到三', '兩到三', '两至三', '兩至三', '二至三', '二到三', '2 to 3', 'two to three', '2 or 3', '2或3']
INTL = ['intl-1.1', 'intl-1.2', 'intl-1.3', 'intl-1.4', 'intl-1.5', 'intl-1.6', 'intl-1.7', 'intl-1.8', 'intl-1.9', 'intl-2.0', 'intl-2.1', 'intl-2.2', 'intl-2.3', 'intl-2.4', 'intl-2.5']
ALL = INTL + ['hmt-1.1']
PARTNERS_ANY = [INTL, ALL]

def p(*codes):
    return [c if c.startswith('hmt') else 'intl-' + c for c in codes]

def item(lang, turns, intent, programs=None, has=None, tags=None, match=None, not_has=None, programs_any=None):
    d = {'lang': lang, 'turns': turns if isinstance(turns, list) else [turns], 'intent': intent}
    if programs_any is not None:
        d['programs_any'] = programs_any
    elif programs is not None:
        d['programs'] = programs
    if match:
        d['match'] = match
    if has:
        d['has'] = has
    if not_has:
        d['not_has'] = not_has
    if tags:
        d['tags'] = tags
    return d

def dump(items, start, path, prefix='fc5_'):
    out = []
    for i, it in enumerate(items):
        d = {'id': f'{prefix}{start + i:03d}'}
        d.update(it)
        out.append(d)
    with open(path, 'w', encoding='utf-8') as f:
        yaml.safe_dump(out, f, allow_unicode=True, sort_keys=False, width=200, default_flow_style=None)
    print(path, len(out))
