"""Rewrites workbooks the way openpyxl writes them (the bench's "producers", issue 21).

    python3 bench/openpyxl-write.py MODE SOURCE.xlsx TARGET.xlsx

Reads SOURCE with openpyxl (values only) and writes TARGET with openpyxl's write-only
workbook: strings as inline strings, as openpyxl does. MODE:
  dates-numbers  dates as numbers styled dd/mm/yyyy (what openpyxl does with a datetime)
  dates-text     dates as the text dd/mm/yyyy (what a sheet typed by hand or exported as text has)
"""
import datetime
import sys

import openpyxl
from openpyxl.cell import WriteOnlyCell

mode, source, target = sys.argv[1:4]
read = openpyxl.load_workbook(source, read_only=True, data_only=True)
written = openpyxl.Workbook(write_only=True)
for sheet in read.worksheets:
    out = written.create_sheet(sheet.title)
    for row in sheet.iter_rows(values_only=True):
        cells = []
        for value in row:
            if isinstance(value, datetime.datetime):
                if mode == 'dates-text':
                    value = value.strftime('%d/%m/%Y')
                else:
                    cell = WriteOnlyCell(out, value)
                    cell.number_format = 'dd/mm/yyyy'
                    value = cell
            cells.append(value)
        out.append(cells)
written.save(target)
