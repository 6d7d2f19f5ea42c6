"""Web-page phrases several rule families recognise: residue reports them, headings stop an outline at them."""

# a document-sharing site cut the text here
TRUNCATION = (r"此处隐藏[0-9]+个?字|省略[0-9]+字[，,]?正式会员可完整阅读|正式会员可完整阅读"
              r"|因篇幅(?:问题|有限)不能全部显示|已?超出免费预览范围|全文共[0-9]+字|当前仅显示[0-9]+字")

# Page chrome a news, template or document-sharing site prints around an article, by kind. Each
# pattern is matched only where chrome sits — at a line start or right after a sentence end — so
# the words in running text (为基层干部点赞, 文物收藏, 分享经验) are not chrome.
CHROME: tuple[tuple[str, str], ...] = (
    ("navigation", r"(?:当前|您的|您现在的|所在)位置\s*[:：]|首页\s*[>＞»›]|返回(?:首页|顶部|列表|上一页)"
                   r"|网站(?:首页|地图|导航)\s*(?:[|｜]|$)"),
    ("share", r"(?:分享到|分享至|转发到|一键分享)\s*[:：]?|(?:微信)?扫一扫"
              r"|点击上方(?:蓝字|“[^”\n]{0,12}”)?(?:免费)?关注|扫(?:描|码)(?:二维码)?(?:关注|分享|阅读)"
              r"|长按(?:识别)?二维码|(?:扫码|点击|欢迎)?关注(?:我们|本站|(?:微信)?公众号)"),
    ("credit", r"版权所有|[Cc]opyright|©|(?:责任|值班|文字|网络)编辑\s*[:：]|(?:审核|校对|供稿|监制|撰稿)\s*[:：]"
               r"|(?:文章|稿件|信息)?来源\s*[:：]\s*[^\n。]{0,20}"
               r"(?:网|报|新闻|客户端|微信|公众号|站|融媒体中心|电视台|广播电视台)"
               r"|(?:通讯员|记者|摄影|文图|图文|初审|复审|终审)\s*[:：]|原标题\s*[:：]|本文转(?:载)?自"
               r"|(?:免责|特别)声明\s*[:：]?|[A-Za-z\u4e00-\u9fff]{0,4}ICP[备证]|公网安备|技术支持\s*[:：]"
               r"|转载请注明|未经(?:授权|许可)[,，]?(?:禁止|不得)转载"),
    ("counter", r"(?:浏览|阅读|点击|访问)(?:次数|量|数)?\s*[:：]\s*[0-9]+"
                r"|[0-9]+\s*(?:次|人)?(?:浏览|阅读|点赞|收藏|评论)\s*(?=\n|$)"
                r"|(?:点赞|收藏|评论|热度|人气)(?:数)?\s*[:：(（]\s*[0-9]+[)）]?|【?打印(?:本页|此页)?】?\s*【?关闭(?:窗口)?】?"
                r"|字号\s*[:：]?\s*[【\[]?大[】\]]?\s*[【\[]?中"),
    ("related", r"(?:相关|延伸|推荐|热门|更多)(?:文章|阅读|链接|新闻|资讯)\s*(?:[:：>]|(?=\n|$))|猜你喜欢"
                r"|(?:点击)?(?:阅读|查看)原文|返回搜狐|上一篇\s*[:：]|下一篇\s*[:：]"
                r"|上一条\s*[:：]|下一条\s*[:：]"),
    # 点击下载, 免费下载, 下载本文 and 下载此文档 are RS002's (its aggregator lexicon)
    ("download", r"立即下载|下载(?:文档(?!前)|全文|附件|word|Word|WORD|PDF|pdf)(?:版)?|文档下载|下载地址\s*[:：]"),
)
