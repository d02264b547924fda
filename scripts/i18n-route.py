# One-off rewriter used once to route src/ui literals through crate::i18n (issue 15); kept for
# the record, never run by the build. Run from the repository root on an unrouted tree.
import re, sys, glob

WORDY = re.compile(r"[A-Za-z]{2,}[^\s]*\s+[A-Za-z(\"'{]|^[A-Z][a-z]+[.…!?]?$|^[A-Z][a-z]+ [a-z]")

def strip_ph(s):
    return re.sub(r"\{[^}]*\}", "", s)

def wordy(lit):
    body = lit[1:-1]
    b = strip_ph(body)
    return bool(re.search(r"[A-Za-z]{2,}\s+[A-Za-z]", b) or re.fullmatch(r"[A-Z][a-z]+[.…!?:]?", b.strip()) or re.search(r"[A-Za-z]{3,}[.…!?]$", b.strip()) and ' ' in b.strip())

def tokens(src):
    """yield (start, end) of string literals outside comments."""
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith('//', i):
            j = src.find('\n', i); i = n if j < 0 else j; continue
        if src.startswith('/*', i):
            j = src.find('*/', i); i = n if j < 0 else j + 2; continue
        if c == 'r' and re.match(r'r#*"', src[i:i+5]) and (i == 0 or not (src[i-1].isalnum() or src[i-1] == '_')):
            m = re.match(r'r(#*)"', src[i:]); hashes = m.group(1)
            end = src.find('"' + hashes, i + len(m.group(0)))
            i = end + 1 + len(hashes); continue
        if c == "'":
            if re.match(r"'(\\.|\\u\{[0-9a-fA-F]+\}|[^\\'])'", src[i:i+12]):
                m = re.match(r"'(\\.|\\u\{[0-9a-fA-F]+\}|[^\\'])'", src[i:i+12]); i += len(m.group(0)); continue
            i += 1; continue
        if c == '"':
            j = i + 1
            while j < n and src[j] != '"':
                j += 2 if src[j] == '\\' else 1
            yield (i, j + 1)
            i = j + 1; continue
        i += 1

def split_args(s):
    """split top-level comma-separated args of s (content inside parens)."""
    out, depth, cur, i = [], 0, '', 0
    while i < len(s):
        c = s[i]
        if c == '"':
            j = i + 1
            while s[j] != '"':
                j += 2 if s[j] == '\\' else 1
            cur += s[i:j+1]; i = j + 1; continue
        if c == "'" and re.match(r"'(\\.|[^\\'])'", s[i:i+4]):
            m = re.match(r"'(\\.|[^\\'])'", s[i:i+4]); cur += m.group(0); i += len(m.group(0)); continue
        if c in '([{': depth += 1
        if c in ')]}': depth -= 1
        if c == ',' and depth == 0:
            out.append(cur); cur = ''
        else:
            cur += c
        i += 1
    if cur.strip(): out.append(cur)
    return [a.strip() for a in out]

def match_paren(src, open_idx):
    depth, i = 0, open_idx
    while i < len(src):
        c = src[i]
        if c == '"':
            j = i + 1
            while src[j] != '"':
                j += 2 if src[j] == '\\' else 1
            i = j + 1; continue
        if c == "'" and re.match(r"'(\\.|[^\\'])'", src[i:i+4]):
            i += len(re.match(r"'(\\.|[^\\'])'", src[i:i+4]).group(0)); continue
        if c in '([{': depth += 1
        elif c in ')]}':
            depth -= 1
            if depth == 0: return i
        i += 1
    return -1

def convert_format(lit, args):
    """lit is the literal with quotes; returns (new_lit, pairs) or None."""
    body = lit[1:-1]
    pos = 0; pairs = []; out = ''; i = 0; named = set()
    while i < len(body):
        c = body[i]
        if body.startswith('{{', i) or body.startswith('}}', i):
            return None
        if c == '{':
            j = body.index('}', i)
            inner = body[i+1:j]
            name, _, spec = inner.partition(':')
            if name == '':
                if pos >= len(args): return None
                expr = args[pos]; pos += 1
                key = str(len(pairs))
            elif name.isdigit():
                expr = args[int(name)]; key = str(len(pairs))
            elif re.fullmatch(r'[A-Za-z_][A-Za-z0-9_]*', name):
                kw = [a for a in args if re.match(r'%s\s*=[^=]' % name, a)]
                expr = kw[0].split('=', 1)[1].strip() if kw else name
                key = name
            else:
                return None
            if spec:
                expr = 'format!("{:%s}", %s)' % (spec, expr)
            if key not in named:
                pairs.append((key, expr)); named.add(key)
            out += '{' + key + '}'
            i = j + 1; continue
        out += c; i += 1
    return '"' + out + '"', pairs

def process(path, view_file):
    src = open(path).read()
    cut = src.find('#[cfg(test)]')
    head, tail = (src, '') if cut < 0 else (src[:cut], src[cut:])
    edits = []  # (start, end, replacement)
    # A: format!
    for m in re.finditer(r'format!\(', head):
        if any(s0 <= m.start() < e0 for s0, e0, _ in edits):
            continue  # nested in a converted format!: left for a hand edit
        op = m.end() - 1
        cl = match_paren(head, op)
        inner = head[op+1:cl]
        parts = split_args(inner)
        if not parts or not parts[0].startswith('"'): continue
        lit = parts[0]
        if not wordy(lit): continue
        conv = convert_format(lit, parts[1:])
        if conv is None:
            print('MANUAL format', path, head.count('\n', 0, m.start()) + 1, lit[:60], file=sys.stderr); continue
        newlit, pairs = conv
        if pairs:
            arr = ', '.join('("%s", &%s)' % (k, e) for k, e in pairs)
            rep = 'tr_args(%s, &[%s])' % (newlit, arr)
        else:
            rep = 'tr(%s).to_string()' % newlit
        edits.append((m.start(), cl + 1, rep))
    def inside(i):
        return any(s <= i < e for s, e, _ in edits)
    for s, e in tokens(head):
        if inside(s): continue
        lit = head[s:e]
        if not wordy(lit): continue
        before = head[max(0, s-60):s]
        after = head[e:e+40]
        pre = before.rstrip()
        # already translated / extraction-known calls
        if re.search(r'(tr|trc|t_|tr_args|tr_plural|plural)\(\s*$', pre) or re.search(r'(tr_plural|plural|trc)\([^()"]*,\s*("[^"]*"\s*,\s*)?$', pre):
            continue
        if view_file:
            if (pre.endswith('>') or pre.endswith('}')) and re.match(r'\s*(<|\{)', after) and not pre.endswith('=>'):
                edits.append((s, e, '{move || tr(%s)}' % lit)); continue
            am = re.search(r'(<[a-z][\w-]*\b[^<>]*?\s)?([\w:-]+)=$', pre)
            if am:
                attr = am.group(2)
                tagm = re.search(r'<([A-Za-z][\w]*)[^<>]*$', head[max(0, s-400):s])
                tag = tagm.group(1) if tagm else ''
                if tag and tag[0].isupper():
                    edits.append((s, e, 'tr(%s)' % lit)); continue
                if attr in ('aria-label', 'title', 'placeholder', 'alt', 'attr:aria-label', 'attr:title'):
                    edits.append((s, e, 'move || tr(%s)' % lit)); continue
                continue
            if re.match(r'\.(into|to_string|to_owned)\(\)', after) or re.search(r'(confirm_with_message|alert_with_message|Some)\(\s*$', pre):
                edits.append((s, e, 'tr(%s)' % lit)); continue
            continue
        else:
            if re.search(r'(const|static)\s+\w+\s*:[^=]*=\s*$', pre):
                print('MANUAL const', path, lit[:50], file=sys.stderr); continue
            edits.append((s, e, 'tr(%s)' % lit))
    edits.sort()
    out = head
    for s, e, r in reversed(edits):
        out = out[:s] + r + out[e:]
    if edits:
        imp = 'use crate::i18n::{tr, tr_args};\n'
        # insert after the module doc comment / first use
        lines = out.split('\n')
        k = 0
        while k < len(lines) and (lines[k].startswith('//!') or lines[k].strip() == ''):
            k += 1
        lines.insert(k, imp.rstrip('\n'))
        out = '\n'.join(lines)
    open(path, 'w').write(out + tail)
    return len(edits)


def wrap_consts():
    names=set()
    for f in glob.glob('src/ui/words/*.rs'):
        for m in re.finditer(r'pub const ([A-Z_]+): &str\s*=\s*\n?\s*"',open(f).read()): names.add(m.group(1))
    for f in glob.glob('src/ui/**/*.rs',recursive=True):
        if '/words/' in f: continue
        s=open(f).read(); o=s
        s=re.sub(r'(?<![\w:])((?:words::|exchange::|aftersale::)?(?:form::)?(%s))\b(?!\s*[:=])' % '|'.join(sorted(names)), lambda m: 'tr(%s)'%m.group(1), s)
        s=re.sub(r'\buse [^;]*;', lambda m: re.sub(r'tr\(([\w:]+)\)', r'\1', m.group(0)), s)
        if s!=o: open(f,'w').write(s)

def paren_fix():
    for f in glob.glob('src/ui/**/*.rs',recursive=True):
        s=open(f).read(); o=s
        res=[]; pos=0
        for m in re.finditer(r'\("(\w+)", &', s):
            if m.start() < pos: continue
            cl=match_paren(s, m.start())
            expr=s[m.end():cl]
            res.append(s[pos:m.end()])
            if re.fullmatch(r'[\w.:]+(\([^()]*\))?([\w.:]+(\([^()]*\))?)*', expr) or (expr.startswith('(') and match_paren(expr,0)==len(expr)-1):
                res.append(expr)
            else:
                res.append('('+expr+')')
            pos=cl
        res.append(s[pos:])
        s=''.join(res)
        if s!=o: open(f,'w').write(s)

if __name__ == '__main__':
    total = 0
    for f in sorted(glob.glob('src/ui/**/*.rs', recursive=True)):
        if f.endswith('words/mod.rs') or f.endswith('ui/mod.rs') or f.endswith('format.rs'): continue
        n = process(f, '/words/' not in f)
        total += n
        print(n, f)
    print('total', total)
    wrap_consts()
    paren_fix()
