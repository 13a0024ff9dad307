"""dkimpy (Debian's python3-dkim) as an independent DKIM signer and verifier for the tests.

Reads {"jobs": [...]} on stdin and writes one result per job as JSON:
- {"op": "verify", "message": b64, "dns": {name: txt}} -> {"results": [bool per signature]}
- {"op": "sign", "message": b64, "selector", "domain", "key": PEM, "headers": [...],
   "canonicalization": "relaxed/relaxed"} -> {"message": b64 of the signed message}
"""
import base64
import json
import sys

import dkim


def dns_for(records):
    table = {name.lower().rstrip('.'): txt for name, txt in records.items()}

    def dnsfunc(name, timeout=5):
        key = name.decode() if isinstance(name, bytes) else name
        txt = table.get(key.lower().rstrip('.'))
        return txt.encode() if txt is not None else None

    return dnsfunc


def run(job):
    message = base64.b64decode(job['message'])
    if job['op'] == 'verify':
        dnsfunc = dns_for(job.get('dns', {}))
        d = dkim.DKIM(message, minkey=1024)
        count = sum(1 for name, _ in d.headers if name.lower() == b'dkim-signature')
        results = []
        for i in range(count):
            try:
                results.append(bool(d.verify(idx=i, dnsfunc=dnsfunc)))
            except dkim.DKIMException:
                results.append(False)
        return {'results': results}
    canon = job.get('canonicalization', 'relaxed/relaxed').split('/')
    headers = [h.encode() for h in job['headers']] if job.get('headers') else None
    signature = dkim.sign(
        message,
        job['selector'].encode(),
        job['domain'].encode(),
        job['key'].encode(),
        canonicalize=(canon[0].encode(), canon[1].encode()),
        include_headers=headers,
    )
    return {'message': base64.b64encode(signature + message).decode()}


jobs = json.load(sys.stdin)['jobs']
json.dump([run(job) for job in jobs], sys.stdout)
