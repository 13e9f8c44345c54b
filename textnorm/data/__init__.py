"""Generated Chinese tables (tools/gen_chinese_tables.py): conversion and pinyin."""
