"""Web-page phrases several rule families recognise: residue reports them, headings stop an outline at them."""

# a document-sharing site cut the text here
TRUNCATION = (r"此处隐藏[0-9]+个?字|省略[0-9]+字[，,]?正式会员可完整阅读|正式会员可完整阅读"
              r"|因篇幅(?:问题|有限)不能全部显示|已?超出免费预览范围|全文共[0-9]+字|当前仅显示[0-9]+字")
