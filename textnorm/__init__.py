"""Text normalisation shared by the knowledge loader and the bot: below both, imports neither.

``textnorm.normalize`` decides what "the same text" means (NFKC, Simplified script, lower case,
punctuation as spaces); ``textnorm.chinese`` holds the Traditional/Simplified tables and pinyin.
"""
