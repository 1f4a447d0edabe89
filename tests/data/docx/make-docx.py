#!/usr/bin/env python3
"""Write the .docx fixtures for tests/unit/docx-test.c into this directory.

Standard library only.  Deterministic: every zip entry carries the same
timestamp and attributes, so running the script again rewrites the same bytes
(for a given zlib).  The outputs are committed; run this only to change them:

    python3 tests/data/docx/make-docx.py

Honest archives come from the zipfile module.  The hostile ones whose
directory lies (a size, an encryption flag, 3000 entries in under 200 KB) are
written byte by byte by RawZip, since zipfile refuses to lie.
"""

import os
import struct
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
STAMP = (2024, 3, 15, 9, 30, 0)
DOS_TIME = (9 << 11) | (30 << 5)
DOS_DATE = ((2024 - 1980) << 9) | (3 << 5) | 15

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"

# The namespaces WPS and Word 2016 declare on w:document.
DOC_NS = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/'
    'wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/'
    'wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
    'wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w="' + W_NS + '" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/'
    'wordprocessingGroup" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/'
    'wordprocessingShape" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'mc:Ignorable="w14 wp14"'
)

XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'

CONTENT_TYPES = XML_DECL + (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types">'
    '<Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/footer1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/word/footnotes.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/'
    'vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    '</Types>')

PACKAGE_RELS = XML_DECL + (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
    'package/2006/relationships/metadata/core-properties" '
    'Target="docProps/core.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/extended-properties" '
    'Target="docProps/app.xml"/>'
    '</Relationships>')

DOCUMENT_RELS = XML_DECL + (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
    '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/hyperlink" '
    'Target="https://www.example.gov.cn/" TargetMode="External"/>'
    '</Relationships>')

CORE = XML_DECL + (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/'
    '2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/'
    '1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    '<dc:title>Word 文档</dc:title><dc:creator>张三</dc:creator>'
    '<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-15T09:30:00Z'
    '</dcterms:created></cp:coreProperties>')

APP = XML_DECL + (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/'
    '2006/extended-properties"><Application>WPS Office_12.1.0.16120'
    '</Application><Pages>1</Pages></Properties>')


def style(kind, sid, name, extra=""):
    return ('<w:style w:type="%s" w:styleId="%s"><w:name w:val="%s"/>%s'
            '</w:style>' % (kind, sid, name, extra))


# Ids as Chinese Word and WPS write them: only the names say what they are.
STYLES = XML_DECL + (
    '<w:styles xmlns:mc="http://schemas.openxmlformats.org/'
    'markup-compatibility/2006" xmlns:w="' + W_NS + '" '
    'mc:Ignorable="w14">'
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" '
    'w:eastAsia="宋体"/><w:sz w:val="21"/><w:lang w:val="en-US" '
    'w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults>'
    + style("paragraph", "a", "Normal",
            '<w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc '
            'w:val="both"/></w:pPr>')
    + style("paragraph", "1", "heading 1",
            '<w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/>'
            '<w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr>')
    + style("paragraph", "2", "heading 2", '<w:basedOn w:val="a"/>')
    + style("paragraph", "a3", "标题",
            '<w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/>'
            '<w:pPr><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr>'
            '<w:rPr><w:b/><w:sz w:val="44"/></w:rPr>')
    + style("character", "a4", "标题 字符", '<w:link w:val="a3"/>')
    + style("paragraph", "a5", "footer", '<w:basedOn w:val="a"/>')
    + style("character", "a6", "Hyperlink",
            '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>')
    + '</w:styles>')

FOOTER = XML_DECL + (
    '<w:ftr xmlns:w="' + W_NS + '"><w:p><w:pPr><w:pStyle w:val="a5"/>'
    '<w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">第 </w:t>'
    '</w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText '
    'xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar '
    'w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar '
    'w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> 页</w:t>'
    '</w:r></w:p></w:ftr>')

FOOTNOTES = XML_DECL + (
    '<w:footnotes xmlns:w="' + W_NS + '">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
    '</w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign '
    'w:val="superscript"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t '
    'xml:space="preserve"> 注：数据来源于区市场监管局。</w:t></w:r></w:p>'
    '</w:footnote></w:footnotes>')


def run(text, rpr="", preserve=False):
    space = ' xml:space="preserve"' if preserve else ""
    props = "<w:rPr>%s</w:rPr>" % rpr if rpr else ""
    return "<w:r>%s<w:t%s>%s</w:t></w:r>" % (props, space, text)


def para(content, ppr=""):
    props = "<w:pPr>%s</w:pPr>" % ppr if ppr else ""
    return "<w:p>%s%s</w:p>" % (props, content)


def document(body, ns=DOC_NS, prefix="w"):
    return (XML_DECL + '<%s:document %s><%s:body>%s</%s:body></%s:document>'
            % (prefix, ns, prefix, body, prefix, prefix))


def cell(text, width=2840):
    return ('<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign '
            'w:val="center"/></w:tcPr>%s</w:tc>'
            % (width, para(run(text) if text else "",
                           '<w:jc w:val="center"/>')))


def row(*texts):
    return "<w:tr><w:trPr><w:jc w:val=\"center\"/></w:trPr>%s</w:tr>" % (
        "".join(cell(t) for t in texts))


EAST_ASIA = '<w:rFonts w:hint="eastAsia"/>'
FANGSONG = '<w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/>'
TIMES = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
SZ32 = '<w:sz w:val="32"/><w:szCs w:val="32"/>'
CAPTION = "图为推进会现场。"

TEXT_BOX = (
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
    '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" '
    'simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" '
    'layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
    '<wp:positionH relativeFrom="column"><wp:posOffset>3200400'
    '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph">'
    '<wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="1828800" '
    'cy="457200"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="1" '
    'name="文本框 1"/><a:graphic><a:graphicData uri="http://schemas.'
    'microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
    '<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext '
    'cx="1828800" cy="457200"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
    '</a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>'
    + para(run(CAPTION, EAST_ASIA), '<w:jc w:val="center"/>')
    + '</w:txbxContent></wps:txbx><wps:bodyPr rot="0" vert="horz"/>'
    '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
    '</mc:Choice><mc:Fallback><w:pict><v:shape id="文本框 1" '
    'o:spid="_x0000_s1026" '
    'type="#_x0000_t202" style="position:absolute;width:144pt;height:36pt">'
    '<v:textbox><w:txbxContent>'
    + para(run(CAPTION, EAST_ASIA), '<w:jc w:val="center"/>')
    + '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
    '</mc:AlternateContent></w:r>')

FIELD = (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText '
    'xml:space="preserve"> HYPERLINK "https://www.example.gov.cn/" '
    '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    + run("区政府网站", '<w:rStyle w:val="a6"/>')
    + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')

ARTICLE_BODY = "".join([
    para("", '<w:rPr>%s</w:rPr>' % EAST_ASIA),
    para(run("【区发改委供稿】", FANGSONG)),
    para(run("区发改委召开", EAST_ASIA + "<w:b/><w:bCs/>")
         + '<w:bookmarkStart w:id="0" w:name="_GoBack"/>'
         + run("2024", TIMES + "<w:b/><w:bCs/>")
         + '<w:bookmarkEnd w:id="0"/>'
         + run("年优化营商环境推进会", EAST_ASIA + "<w:b/><w:bCs/>"),
         '<w:pStyle w:val="a3"/><w:spacing w:line="600" w:lineRule="exact"/>'
         '<w:jc w:val="center"/>'),
    para("", '<w:jc w:val="center"/>'),
    # A number in its own run, a word split across runs: Word's revision
    # ids and proofing marks cut text anywhere.
    para(run("　　3月15日，区发展和改革委员会召开全区优化营商环境工作推进会。"
             "会议通报，今年一季度全区新增市场主", FANGSONG + SZ32)
         + '<w:proofErr w:type="gramStart"/>'
         + run("体", FANGSONG + SZ32 + '<w:color w:val="FF0000"/>')
         + '<w:proofErr w:type="gramEnd"/>'
         + run("1234", TIMES + SZ32)
         + run("户，同比增长", FANGSONG + SZ32)
         + run("12.5", TIMES + SZ32 + "<w:i/>")
         + run("%。依据世界银行《Busi", FANGSONG + SZ32)
         + run("ness Ready》报告，", FANGSONG + SZ32 + '<w:u w:val="single"/>')
         + '<w:r><w:rPr>' + FANGSONG + SZ32 + '</w:rPr>'
         '<w:lastRenderedPageBreak/>'
         '<w:t xml:space="preserve">各项指标 </w:t></w:r>'
         + run(" 稳中有进。", FANGSONG + SZ32, preserve=True),
         '<w:ind w:firstLine="640"/>'),
    # Tracked changes: the deletion must go, the insertion stay.
    para(run("　　会议要求，各部门要", FANGSONG)
         + '<w:del w:id="1" w:author="李四" w:date="2024-03-15T10:00:00Z">'
         + '<w:r><w:rPr>' + FANGSONG + '</w:rPr><w:delText>认真</w:delText>'
         '</w:r></w:del>'
         + '<w:ins w:id="2" w:author="李四" w:date="2024-03-15T10:00:00Z">'
         + run("切实", FANGSONG) + '</w:ins>'
         + run("履行职责，持续优化", FANGSONG)
         + '<w:ins w:id="3" w:author="李四" w:date="2024-03-15T10:01:00Z">'
         + run("政务", FANGSONG) + '</w:ins>'
         + '<w:del w:id="4" w:author="李四" w:date="2024-03-15T10:01:00Z">'
         + '<w:r><w:delText xml:space="preserve">营商 </w:delText></w:r>'
         '</w:del>'
         + run("服务。", FANGSONG)),
    # A text box anchored mid-paragraph, in both its 2010 and VML forms.
    para(run("　　会上，", FANGSONG) + TEXT_BOX
         + run("各街道汇报了工作进展。", FANGSONG)),
    para(run("一、主要成效", EAST_ASIA), '<w:pStyle w:val="1"/>'),
    '<w:tbl><w:tblPr><w:tblW w:w="8520" w:type="dxa"/><w:jc w:val="center"/>'
    '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" '
    'w:color="auto"/></w:tblBorders><w:tblLook w:val="04A0"/></w:tblPr>'
    '<w:tblGrid><w:gridCol w:w="2840"/><w:gridCol w:w="2840"/><w:gridCol '
    'w:w="2840"/></w:tblGrid>'
    + row("指标", "数量", "同比")
    + row("新增市场主体", "1234户", "12.5%")
    + row("新增企业", "456户", "")
    + '</w:tbl>',
    para(run("　　下一步，区发改委将持续推进“一网通办”改革", FANGSONG)
         + '<w:r><w:rPr><w:rStyle w:val="a7"/></w:rPr><w:footnoteReference '
         'w:id="1"/></w:r>'
         + run("，详见", FANGSONG) + FIELD + run("。", FANGSONG)),
    para(run("联系人：", FANGSONG) + "<w:r><w:tab/></w:r>"
         + run("王五", FANGSONG)
         + '<w:hyperlink r:id="rId4" w:history="1">'
         + run("（www.example.gov.cn）", '<w:rStyle w:val="a6"/>')
         + '</w:hyperlink>'),
    para(run("　　", FANGSONG)),
    para(run("区发改委　供稿", FANGSONG) + "<w:r><w:br/></w:r>"
         + run("审核：李四", FANGSONG), '<w:jc w:val="right"/>'),
    para('<w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/>'
         '</w:rPr><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>'
         + run("已核稿", FANGSONG)),
    '<w:sectPr><w:footerReference w:type="default" r:id="rId2"/><w:pgSz '
    'w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" '
    'w:bottom="1984" w:left="1587" w:header="851" w:footer="992" '
    'w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:type="lines" '
    'w:linePitch="312"/></w:sectPr>',
])


def zinfo(name):
    info = zipfile.ZipInfo(name, STAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 0
    info.external_attr = 0
    return info


def write_zip(name, parts):
    with zipfile.ZipFile(os.path.join(HERE, name), "w") as zf:
        for part, text in parts:
            data = text.encode("utf-8") if isinstance(text, str) else text
            zf.writestr(zinfo(part), data, compresslevel=9)


def package(doc, styles=None, extra=()):
    parts = [("[Content_Types].xml", CONTENT_TYPES),
             ("_rels/.rels", PACKAGE_RELS),
             ("word/document.xml", doc)]
    if styles is not None:
        parts.append(("word/styles.xml", styles))
    parts.append(("word/_rels/document.xml.rels", DOCUMENT_RELS))
    parts.extend(extra)
    parts.extend([("docProps/core.xml", CORE), ("docProps/app.xml", APP)])
    return parts


def make_article():
    write_zip("article.docx", package(document(ARTICLE_BODY), STYLES, [
        ("word/footer1.xml", FOOTER),
        ("word/footnotes.xml", FOOTNOTES)]))


def make_centred():
    body = "".join([
        para(""),
        para(run("关于开展", EAST_ASIA) + run("2024", TIMES)
             + run("年“质量月”活动的通知", EAST_ASIA),
             '<w:jc w:val="center"/>'),
        para(run("各街道、各部门：")),
        # Without styles.xml the id "1" means nothing: not a heading.
        para(run("一、活动主题"), '<w:pStyle w:val="1"/>'),
        para(run("\u3000\u3000 建设质量强区，\t共享品质生活。", preserve=True)),
    ])
    write_zip("centred.docx", package(document(body)))


def make_bold():
    hidden = '<w:vanish/>'
    body = "".join([
        para(run("简讯", "<w:b/>") + run("：", '<w:b w:val="1"/>')),
        # Ruby: the base text, not the reading above it.
        para('<w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="center"/></w:rubyPr>'
             '<w:rt><w:r><w:t>zhǎng</w:t></w:r></w:rt><w:rubyBase><w:r>'
             '<w:t>长</w:t></w:r></w:rubyBase></w:ruby></w:r>'
             + run("江大桥") + run("（隐藏批注）", hidden)
             + run("通车。", '<w:b w:val="0"/>')),
        # Without xml:space="preserve" the edges of w:t are not text.
        para(run("  A  ") + run("B ") + run(" C", preserve=True)
             + '<w:r><w:t>D</w:t><w:noBreakHyphen/><w:t>E</w:t><w:cr/>'
             '<w:t>F</w:t></w:r>'),
        # A move: the old place goes, the new one stays.
        para('<w:moveFrom w:id="5" w:author="x" w:date="2024-03-15T10:00:00Z">'
             + run("旧位置") + '</w:moveFrom><w:moveTo w:id="6" w:author="x" '
             'w:date="2024-03-15T10:00:00Z">' + run("新位置") + '</w:moveTo>'),
        # Content controls and custom XML wrap ordinary runs.
        '<w:sdt><w:sdtPr><w:alias w:val="日期"/><w:tag w:val="date"/>'
        '</w:sdtPr><w:sdtContent>' + para(run("2024年3月15日"))
        + '</w:sdtContent></w:sdt>',
        # Only the Fallback carries the text here.
        para('<w:r><mc:AlternateContent><mc:Choice Requires="wpc"><w:drawing>'
             '<wp:inline><wp:extent cx="1" cy="1"/></wp:inline></w:drawing>'
             '</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>'
             '<w:txbxContent>' + para(run("备用文本框")) + '</w:txbxContent>'
             '</v:textbox></v:shape></w:pict></mc:Fallback>'
             '</mc:AlternateContent></w:r>'),
        # A table in a table cell: the whole outer row is one line.
        '<w:tbl><w:tr><w:tc>' + para(run("外")) + '<w:tbl><w:tr><w:tc>'
        + para(run("内一")) + '</w:tc><w:tc>' + para(run("内二"))
        + '</w:tc></w:tr></w:tbl></w:tc><w:tc>' + para(run("尾"))
        + para("") + para(run("格")) + '</w:tc></w:tr></w:tbl>',
    ])
    write_zip("bold.docx", package(document(body)))


def make_heading():
    body = "".join([
        # All bold and short, but a styled heading comes first.
        para(run("短讯", "<w:b/>")),
        # styles.xml names "1" heading 1, like Chinese Word.
        para(run("区图书馆") + run("今起延长开放时间"),
             '<w:pStyle w:val="1"/>'),
        # Not defined in styles.xml, so the id is taken as the name.
        para(run("开放时间调整为9:00至21:00。"),
             '<w:pStyle w:val="Heading1"/>'),
    ])
    write_zip("heading.docx", package(document(body), STYLES))


def make_notitle():
    long_bold = "本期要闻：" + "全区上下深入学习贯彻会议精神，" * 4
    body = "".join([
        para(run(long_bold, "<w:b/>")),
        para(run("正文。"), '<w:pStyle w:val="a3"/>'),
    ])
    write_zip("notitle.docx", package(document(body)))


def make_strict():
    ns = 'xmlns:w="%s"' % STRICT_W_NS
    body = (para(run("Strict 文档"), '<w:pStyle w:val="Title"/>')
            + para(run("正文。")))
    write_zip("strict.docx", package(document(body, ns)))


def make_xxe():
    doc = (XML_DECL.replace(' standalone="yes"', '')
           + '<!DOCTYPE w:document SYSTEM "file:///etc/passwd" [\r\n'
           '<!ENTITY xxe SYSTEM "file:///etc/passwd">\r\n'
           '<!ENTITY % remote SYSTEM "file:///etc/passwd">\r\n'
           '%remote;\r\n'
           '<!ENTITY inner "内部实体">\r\n'
           ']>\r\n'
           '<w:document xmlns:w="' + W_NS + '"><w:body>'
           + para(run("前&xxe;后"))
           + para(run("&inner;"))
           + para(run("正文&amp;结束。"))
           + '</w:body></w:document>')
    write_zip("xxe.docx", package(doc))


def make_laughs():
    decls = ['<!ENTITY lol0 "哈哈哈哈哈哈哈哈哈哈">']
    for i in range(1, 10):
        decls.append('<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1)) * 10))
    doc = (XML_DECL + '<!DOCTYPE w:document [\r\n' + "\r\n".join(decls)
           + '\r\n]>\r\n<w:document xmlns:w="' + W_NS + '"><w:body>'
           + para(run("&lol9;")) + para(run("完。"))
           + '</w:body></w:document>')
    write_zip("laughs.docx", package(doc))


def make_nodoc():
    write_zip("nodoc.docx", [("[Content_Types].xml", CONTENT_TYPES),
                             ("_rels/.rels", PACKAGE_RELS),
                             ("word/styles.xml", STYLES)])


def make_notzip():
    with open(os.path.join(HERE, "notzip.docx"), "wb") as f:
        f.write("这不是压缩文件。\nThis is not a zip file.\n".encode("utf-8"))


def ole(names):
    """Enough of an OLE compound file to be recognised: the signature,
    then a directory sector with the streams' UTF-16LE names."""
    header = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(16)
    header += struct.pack("<HHH", 0x3e, 3, 0xfffe) + bytes(512 - 30)
    entries = b""
    for name in names:
        raw = name.encode("utf-16-le") + b"\0\0"
        entries += raw + bytes(64 - len(raw)) + struct.pack("<H", len(raw))
        entries += bytes(128 - 66)
    return header + entries + bytes(-len(entries) % 512)


def make_ole():
    with open(os.path.join(HERE, "encrypted.docx"), "wb") as f:
        f.write(ole(["Root Entry", "EncryptionInfo", "EncryptedPackage"]))
    with open(os.path.join(HERE, "legacy.doc"), "wb") as f:
        f.write(ole(["Root Entry", "WordDocument", "1Table"]))


def bomb_chunk():
    # One repeated 3-byte character: deflate's cheapest distance, so the
    # ratio comes close to its 1032:1 ceiling and the file stays small.
    return ("<w:p><w:r><w:t>" + "啊" * 40000 + "</w:t></w:r></w:p>"
            ).encode("utf-8") * 8


def make_bomb():
    """An honest zip bomb: document.xml of 110 MB, written by streaming."""
    chunk = bomb_chunk()
    head = (XML_DECL + '<w:document xmlns:w="' + W_NS + '"><w:body>'
            ).encode("utf-8")
    tail = b"</w:body></w:document>"
    with zipfile.ZipFile(os.path.join(HERE, "bomb.docx"), "w",
                         compresslevel=9) as zf:
        zf.writestr(zinfo("[Content_Types].xml"), CONTENT_TYPES)
        with zf.open(zinfo("word/document.xml"), "w") as f:
            f.write(head)
            written = 0
            while written < 110 * 1000 * 1000:
                f.write(chunk)
                written += len(chunk)
            f.write(tail)


class RawZip:
    """A zip written by hand, so its central directory can say anything."""

    def __init__(self):
        self.data = bytearray()
        self.central = bytearray()
        self.count = 0

    def local(self, name, payload, method, crc, csize, size, flags=0):
        offset = len(self.data)
        raw = name.encode("utf-8")
        self.data += struct.pack("<IHHHHHIIIHH", 0x04034b50, 20, flags,
                                 method, DOS_TIME, DOS_DATE, crc, csize,
                                 size, len(raw), 0) + raw + payload
        return offset

    def entry(self, name, offset, method, crc, csize, size, flags=0):
        raw = name.encode("utf-8")
        self.central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014b50, 20,
                                    20, flags, method, DOS_TIME, DOS_DATE,
                                    crc, csize, size, len(raw), 0, 0, 0, 0,
                                    0, offset) + raw
        self.count += 1

    def add(self, name, data, declared=None, flags=0):
        """Deflate DATA (bytes or an iterable of chunks); the directory
        declares DECLARED as its size instead of the truth if given."""
        chunks = [data] if isinstance(data, bytes) else data
        comp = zlib.compressobj(9, zlib.DEFLATED, -15)
        payload, crc, size = bytearray(), 0, 0
        for c in chunks:
            payload += comp.compress(c)
            crc = zlib.crc32(c, crc)
            size += len(c)
        payload += comp.flush()
        size = size if declared is None else declared
        offset = self.local(name, bytes(payload), 8, crc, len(payload), size,
                            flags)
        self.entry(name, offset, 8, crc, len(payload), size, flags)
        return offset

    def write(self, name):
        eocd = struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, self.count,
                           self.count, len(self.central), len(self.data), 0)
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(bytes(self.data + self.central) + eocd)


def small_document():
    return document(para(run("正文。"))).encode("utf-8")


def make_liar():
    """A bomb whose directory lies: document.xml inflates to 8 MB but is
    declared as 100 times its compressed size, under every limit."""
    head = (XML_DECL + '<w:document xmlns:w="' + W_NS + '"><w:body>'
            ).encode("utf-8")
    chunk = bomb_chunk()
    chunks = [head] + [chunk] * (8 * 1000 * 1000 // len(chunk)) + [
        b"</w:body></w:document>"]
    probe = zlib.compressobj(9, zlib.DEFLATED, -15)
    csize = sum(len(probe.compress(c)) for c in chunks) + len(probe.flush())
    z = RawZip()
    z.add("[Content_Types].xml", CONTENT_TYPES.encode("utf-8"))
    z.add("word/document.xml", chunks, declared=100 * csize)
    z.write("liar.docx")


def make_zipcrypto():
    """document.xml flagged as encrypted with the traditional PKWARE
    cipher (general purpose bit 0)."""
    z = RawZip()
    z.add("[Content_Types].xml", CONTENT_TYPES.encode("utf-8"))
    z.add("word/document.xml", small_document(), flags=1)
    z.write("zipcrypto.docx")


def make_many():
    """3000 entries.  Written honestly they would take about 250 KB, so the
    2999 empty ones share one local header: only the central directory,
    which is what the limit is checked against, lists them all."""
    z = RawZip()
    z.add("word/document.xml", small_document())
    empty = z.local("e", b"", 0, 0, 0, 0)
    for i in range(2999):
        z.entry("%03x" % i, empty, 0, 0, 0, 0)
    z.write("many.docx")


def main():
    make_article()
    make_centred()
    make_bold()
    make_heading()
    make_notitle()
    make_strict()
    make_xxe()
    make_laughs()
    make_nodoc()
    make_notzip()
    make_ole()
    make_bomb()
    make_liar()
    make_zipcrypto()
    make_many()


if __name__ == "__main__":
    main()
