package htmlgrid

// tagID names a tag by a small number: the walker compares, indexes and
// looks up tags by it rather than by their names. The tags below have
// fixed ids; a document's other tags get theirs as they come.
type tagID uint32

// The known tags: those the walker tests by name or flags, and the other
// common ones, so that reading them copies nothing.
const (
	tagP tagID = iota + 1
	tagDiv
	tagTable
	tagTr
	tagTd
	tagTh
	tagThead
	tagTbody
	tagTfoot
	tagPre
	tagSup
	tagCenter
	tagBr
	tagImg
	tagHr
	tagMeta
	tagLink
	tagInput
	tagCol
	tagArea
	tagBase
	tagWbr
	tagSource
	tagParam
	tagEmbed
	tagTitle
	tagStyle
	tagScript
	tagNoscript
	tagTemplate
	tagIframe
	tagNoembed
	tagNoframes
	tagLi
	tagUl
	tagOl
	tagH1
	tagH2
	tagH3
	tagH4
	tagH5
	tagH6
	tagBlockquote
	tagDl
	tagDt
	tagDd
	tagSection
	tagArticle
	tagHeader
	tagFooter
	tagSpan
	tagFont
	tagB
	tagI
	tagU
	tagA
	tagSub
	tagColgroup
	tagStrong
	tagEm
	tagSmall
	tagBig
	tagHtml
	tagHead
	tagBody
	tagCaption
	knownTags // the first id a walker gives
)

// knownTag is the id of a known tag's name, or 0. (A switch on the name
// costs less than a map look-up: the walker asks for every tag.)
func knownTag(name []byte) tagID {
	switch string(name) {
	case "p":
		return tagP
	case "div":
		return tagDiv
	case "table":
		return tagTable
	case "tr":
		return tagTr
	case "td":
		return tagTd
	case "th":
		return tagTh
	case "thead":
		return tagThead
	case "tbody":
		return tagTbody
	case "tfoot":
		return tagTfoot
	case "pre":
		return tagPre
	case "sup":
		return tagSup
	case "center":
		return tagCenter
	case "br":
		return tagBr
	case "img":
		return tagImg
	case "hr":
		return tagHr
	case "meta":
		return tagMeta
	case "link":
		return tagLink
	case "input":
		return tagInput
	case "col":
		return tagCol
	case "area":
		return tagArea
	case "base":
		return tagBase
	case "wbr":
		return tagWbr
	case "source":
		return tagSource
	case "param":
		return tagParam
	case "embed":
		return tagEmbed
	case "title":
		return tagTitle
	case "style":
		return tagStyle
	case "script":
		return tagScript
	case "noscript":
		return tagNoscript
	case "template":
		return tagTemplate
	case "iframe":
		return tagIframe
	case "noembed":
		return tagNoembed
	case "noframes":
		return tagNoframes
	case "li":
		return tagLi
	case "ul":
		return tagUl
	case "ol":
		return tagOl
	case "h1":
		return tagH1
	case "h2":
		return tagH2
	case "h3":
		return tagH3
	case "h4":
		return tagH4
	case "h5":
		return tagH5
	case "h6":
		return tagH6
	case "blockquote":
		return tagBlockquote
	case "dl":
		return tagDl
	case "dt":
		return tagDt
	case "dd":
		return tagDd
	case "section":
		return tagSection
	case "article":
		return tagArticle
	case "header":
		return tagHeader
	case "footer":
		return tagFooter
	case "span":
		return tagSpan
	case "font":
		return tagFont
	case "b":
		return tagB
	case "i":
		return tagI
	case "u":
		return tagU
	case "a":
		return tagA
	case "sub":
		return tagSub
	case "colgroup":
		return tagColgroup
	case "strong":
		return tagStrong
	case "em":
		return tagEm
	case "small":
		return tagSmall
	case "big":
		return tagBig
	case "html":
		return tagHtml
	case "head":
		return tagHead
	case "body":
		return tagBody
	case "caption":
		return tagCaption
	}
	return 0
}

// tagFlag is what a tag is, as the walker reads it.
type tagFlag uint8

const (
	void     tagFlag = 1 << iota // has no end tag
	unseen                       // holds text that is never shown
	block                        // ends a paragraph of prose where it starts or ends
	rowGroup                     // thead, tbody, tfoot: a table's group of rows
)

// tagFlags are the flags of the known tags.
var tagFlags = [knownTags]tagFlag{
	// void tags have no end tag.
	tagBr:     void | block,
	tagImg:    void,
	tagHr:     void | block,
	tagMeta:   void,
	tagLink:   void,
	tagInput:  void,
	tagCol:    void,
	tagArea:   void,
	tagBase:   void,
	tagWbr:    void,
	tagSource: void,
	tagParam:  void,
	tagEmbed:  void,
	// unseen tags hold text that is never shown: the document's title in
	// the head, style sheets and scripts, what shows only without scripts
	// or frames, templates. (The tokenizer reads their content as raw
	// text, so their end tags always come.)
	tagTitle:    unseen,
	tagStyle:    unseen,
	tagScript:   unseen,
	tagNoscript: unseen,
	tagTemplate: unseen,
	tagIframe:   unseen,
	tagNoembed:  unseen,
	tagNoframes: unseen,
	// block tags end a paragraph of prose where they start or end.
	tagP:          block,
	tagDiv:        block,
	tagLi:         block,
	tagUl:         block,
	tagOl:         block,
	tagH1:         block,
	tagH2:         block,
	tagH3:         block,
	tagH4:         block,
	tagH5:         block,
	tagH6:         block,
	tagTable:      block,
	tagTr:         block,
	tagCenter:     block,
	tagBlockquote: block,
	tagPre:        block,
	tagDl:         block,
	tagDt:         block,
	tagDd:         block,
	tagSection:    block,
	tagArticle:    block,
	tagHeader:     block,
	tagFooter:     block,
	tagThead:      rowGroup,
	tagTbody:      rowGroup,
	tagTfoot:      rowGroup,
}

// tagOf is the id of a tag's name: fixed for the known ones, given by
// the walker in order for the others.
func (w *walker) tagOf(name []byte) tagID {
	if id := knownTag(name); id != 0 {
		return id
	}
	id, ok := w.tags[string(name)]
	if !ok {
		if w.tags == nil {
			w.tags = map[string]tagID{}
		}
		id = knownTags + tagID(len(w.tags))
		w.tags[string(name)] = id
	}
	return id
}

// is reports whether a tag has a flag; a tag the walker named has none.
func (t tagID) is(f tagFlag) bool {
	return t < knownTags && tagFlags[t]&f != 0
}
