"""Parse messages with Python's email package (policy=default) and report what it sees.

Input on stdin: JSON {"messages": [base64, ...]}. Output on stdout: JSON list, one object per
message: defects (of the message, of every part, and of every parsed header), the top-level
headers as decoded strings, the leaf parts with their decoded content in base64 and the
content types of the parts that enclose them, every part `walk()` visits (containers and
report field blocks included, with the fields of delivery-status and feedback-report parts), and
the plain and HTML bodies a mail client would show (`get_body`).
"""
import base64
import email
import email.policy
import json
import sys


def header_defects(part, where):
    found = []
    for name, value in part.items():
        for defect in getattr(value, 'defects', ()):
            found.append({'where': f'{where} header {name}', 'defect': type(defect).__name__,
                          'message': str(defect)})
    return found


def ancestors(part, parents):
    """Content types of the part's enclosing parts, outermost first."""
    found = []
    while id(part) in parents:
        part = parents[id(part)]
        found.insert(0, part.get_content_type())
    return found


REPORT_TYPES = ('message/delivery-status', 'message/global-delivery-status',
                'message/feedback-report')


def report_blocks(part):
    """For a delivery-status or feedback-report part, its field blocks as [name, value] pairs."""
    if part.get_content_type() not in REPORT_TYPES:
        return None
    payload = part.get_payload()
    if isinstance(payload, list):
        blocks = payload
    else:
        blocks = [email.message_from_string(str(payload), policy=email.policy.default)]
    return [[[name, str(value)] for name, value in block.items()] for block in blocks]


def describe(raw):
    message = email.message_from_bytes(raw, policy=email.policy.default)
    defects = []
    parts = []
    parents = {}
    for part in message.walk():
        if part.is_multipart():
            for child in part.get_payload():
                parents[id(child)] = part
    nodes = []
    for index, part in enumerate(message.walk()):
        where = 'message' if index == 0 else f'part {index}'
        nodes.append({
            'contentType': part.get_content_type(),
            'filename': part.get_filename(),
            'ancestors': ancestors(part, parents),
            'blocks': report_blocks(part),
        })
        for defect in part.defects:
            defects.append({'where': where, 'defect': type(defect).__name__, 'message': str(defect)})
        defects.extend(header_defects(part, where))
        if part.is_multipart():
            continue
        payload = part.get_payload(decode=True) or b''
        text = None
        if part.get_content_maintype() == 'text':
            try:
                text = part.get_content()
            except (LookupError, UnicodeError) as error:
                defects.append({'where': where, 'defect': type(error).__name__, 'message': str(error)})
        parts.append({
            'contentType': part.get_content_type(),
            'filename': part.get_filename(),
            'disposition': part.get_content_disposition(),
            'contentId': part.get('Content-ID'),
            'charset': part.get_content_charset(),
            'transferEncoding': part.get('Content-Transfer-Encoding'),
            'content': base64.b64encode(payload).decode('ascii'),
            'text': text,
            'ancestors': ancestors(part, parents),
        })
    headers = [[name, str(value)] for name, value in message.items()]
    return {'defects': defects, 'headers': headers, 'parts': parts, 'nodes': nodes,
            'text': body(message, 'plain', defects), 'html': body(message, 'html', defects)}


def body(message, subtype, defects):
    """The text of the part `get_body` picks as the message's body of that subtype, if any."""
    part = message.get_body((subtype,))
    if part is None:
        return None
    try:
        return part.get_content()
    except (LookupError, UnicodeError) as error:
        defects.append({'where': f'{subtype} body', 'defect': type(error).__name__,
                        'message': str(error)})
        return None


def main():
    request = json.load(sys.stdin)
    reports = [describe(base64.b64decode(item)) for item in request['messages']]
    json.dump(reports, sys.stdout)


if __name__ == '__main__':
    main()
