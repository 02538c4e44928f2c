#!/usr/bin/env python3
"""Records what jmespath.py (the JMESPath engine inside the AWS CLI) answers for each expression of
test/cli-output/fixtures/jmespath-python.json, over that file's data, and writes the answers back
into the same file. The TypeScript port (source/cli/jmespath/) is tested against these answers.

Needs jmespath 1.0.1 (Debian: apt-get install python3-jmespath). Run from the repository root:
    /usr/bin/python3 scripts/jmespath-oracle.py
"""
import json
import jmespath

PATH = 'test/cli-output/fixtures/jmespath-python.json'

with open(PATH) as f:
    fixture = json.load(f)

answers = []
for case in fixture['cases']:
    expression = case['expression']
    try:
        answers.append({'expression': expression, 'result': jmespath.search(expression, fixture['data'])})
    except Exception as error:  # the CLI prints str() of whatever jmespath.py raised
        answers.append({'expression': expression, 'error': str(error)})

fixture['engine'] = 'jmespath.py ' + jmespath.__version__
fixture['cases'] = answers
with open(PATH, 'w') as f:
    json.dump(fixture, f, indent=1, ensure_ascii=False)
    f.write('\n')
