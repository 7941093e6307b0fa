"""Notices that real pages and feeds put inside the running text, removed at intake.

Line-level noise (a "Related:" insert, a share button on its own line) is dropped by
``takeaways.article.clean``. These notices arrive glued into a paragraph, because a page's
player, image and credit blocks become text in the same run as the story: "Media playback
is not supported on this device The Olympic silver medallist accused ...". Each entry is
a whole notice, so removing it never takes a word of the story with it.
"""

from __future__ import annotations

import re

from takeaways.text.words import CALENDAR_MONTHS

_MONTH_NAMES = "|".join(sorted(month.capitalize() for month in CALENDAR_MONTHS))
# One home for the list: a notice seen on a real page is added here, with a test beside it.
# What follows a programme plug's opening, up to its end: its full stop ("7.30pm" holds none), or a time
# ("20:00 BST") that a capitalised word follows, where the page glued the next sentence on.
_PLUG_TAIL = (
    r"(?:[^.]|\.(?!\s|$)){0,200}?(?:\.(?=\s|$)|(?<=BST|GMT)(?=\s+[A-Z])|(?<=\d:\d\d)(?=\s+(?!BST|GMT)[A-Z]))"
)
_NOTICES = (
    # Video players that could not load.
    r"Media playback is (?:not supported|unsupported) on (?:this|your) device",
    r"(?:This|The) video (?:can ?not|cannot) be played",
    r"Please enable JavaScript to (?:view|watch|play) [^.]{0,60}\.",
    # A video page's timestamp, glued before the story: "18 January 2016 Last updated at 20:09 GMT".
    r"\d{1,2} [A-Z][a-z]+ \d{4} Last updated at \d{1,2}:\d{2} (?:GMT|BST)",
    # Wire and network credits that stand alone in the text.
    r"\((?:CNN|AP|AFP|Reuters|CNN Money|CNNMoney|EW\.com|The Hollywood Reporter)\)(?:\s*(?:--|—|–))?",
    # Image notices.
    r"Image (?:copyright|caption|source)\s+(?:Getty Images|Reuters|AFP|PA|EPA|AP)\b",
    # Contribution lines, share prompts and pitches for other products.
    r"(?:CNN|BBC|AP|Reuters)['’]s (?:[A-Z][\w'’-]+ ){1,3}(?:and (?:[A-Z][\w'’-]+ ){1,3})?contributed to this (?:report|story)"
    r"(?: from [^.]{1,40})?\.",
    # A list of reporters' names that fills its sentence: "Dana Ford, CNN's Ben Brumfield and Ann Marsh also
    # contributed to this report." (Only at a sentence start, so no story words before it are left dangling.)
    r"(?<![\w,;:'’)-]\s)(?:(?:CNN|BBC)['’]s )?(?:[A-Z][\w'’-]*\.?,? (?:and )?(?:(?:CNN|BBC)['’]s )?){1,16}"
    r"(?:also )?contributed to this (?:report|story)(?: from [A-Z][^.]{0,40})? ?\.",
    r"(?<![\w,;:'’)-]\s)(?:(?:CNN|BBC)['’]s )?(?:[A-Z][\w'’-]*\.? ){1,3}(?:reported (?:and wrote )?from|wrote (?:and reported |this story )?from) (?:[A-Z][\w'’-]* ?){1,3}(?:, (?:[A-Z][\w'’-]* ?){1,3})?"
    r"(?:(?:[;,] | )(?:and )?(?:(?:CNN|BBC)['’]s )?(?:[A-Z][\w'’-]* ){1,3}(?:reported and )?wrote (?:this story )?"
    r"(?:from|in) (?:[A-Z][\w'’-]* ?){1,3})?\.",
    r"(?<![\w,;:'’)-]\s)(?:CNN|BBC)['’]s (?:[A-Z][\w'’-]*\.? ){1,3}wrote (?:this story )?in (?:[A-Z][\w'’-]* ?){1,3}\.",
    r"(?:[A-Z][\w'’-]+ ){1,3}(?:is|are) (?:a|the) parent compan(?:y|ies) of CNN\.",
    # "Follow @BBCNewsbeat on Twitter, BBCNewsbeat on Instagram and Radio1Newsbeat on YouTube".
    r"Follow @\w+(?: on Twitter)?(?:(?:,| and) @?\w+ on (?:Twitter|Instagram|YouTube|Facebook|TikTok|Snapchat))*\.?",
    r"Follow (?:[A-Z][\w'’-]+ ){1,3}on Twitter @\w+(?: and on Facebook)?\.?",
    r"You can reach \w+ securely through encrypted messaging app Signal on:? \+?[\d() -]{7,20}\d",
    # A reporter's byline glued to the text before it: "By Peter BilesBBC correspondent at the inquiry".
    r"By (?:[A-Z][\w'’-]+ ){1,3}?[A-Z][\w'’-]*?BBC (?:(?:[A-Z][\w&'’-]*|and) ){0,5}?"
    r"(?:[Cc]orrespondent|[Ee]ditor|[Rr]eporter)(?: (?:at|in) the [a-z]+)?",
    r"(?:(?:[A-Z][\w'’-]+ ){0,3}[Aa]pp users:? )?(?:[Cc]lick|[Tt]ap) here (?:for|to) [^.]{0,100}\.",
    r"E-?mail to a friend\.?",
    r"Share (?:this (?:article|story)|on (?:Facebook|Twitter))\.?",
    r"(?:Sign up|Subscribe) (?:for|to) (?:our|the) [^.]{0,40}newsletters?[^.]{0,60}\.",
    r"Get (?:our|the) [^.]{0,30}newsletter[^.]{0,60}\.",
    r"READ(?: MORE)?:\s[^.]{0,100}\.",
    # A partner's link, written with a space before its full stop: "See more: 40 Years of HBO .".
    r"(?:See|Read) more: [^.]{0,140}? \.(?=\s|$)",
    # A partner's credit and copyright line: "See the original story at Billboard.com. ©2015 Billboard. All
    # Rights Reserved.", "Copyright © 2015 Rolling Stone."
    r"See the original story at (?:[A-Z][\w'’-]*(?:\.com)? ?){1,4}(?:['’]s site)?\.",
    r"(?:Copyright )?© ?\d{4},? (?:[A-Z][\w.&'’-]* ?){1,4}?\.(?: All [Rr]ights [Rr]eserved\.)?",
    r"Related article:\s[^.]{0,100}\.",
    r"Join us on Facebook\b[^.]{0,60}\.",
    r"(?:Follow|Like) us on (?:Facebook|Twitter|Instagram)\b[^\n]{0,120}?(?:\.(?=\s|$)|$)",
    r"If you have a story suggestion,? e-?mail \S+@\S+?\.(?=\s|$)",
    r"Find all the latest football transfers on our dedicated page\.",
    r"On this page you will find today['’]s show Transcript[^.]{0,160}\.",
    # A daily show's page template (CNN Student News): its date line, section labels, transcript note,
    # standards note and the call for schools to comment.
    rf"^(?:{_MONTH_NAMES}) \d{{1,2}}, \d{{4}} \.(?=\s|$)",
    r"(?:TRANSCRIPT|ROLL CALL) \.(?=\s|$)",
    r"Please note that there may be a delay between the time when the video is available and when the transcript"
    r" is published\.",
    r"CNN Student News is created by a team of journalists who consider the Common Core State Standards[^.]{0,160}\.",
    r"For a chance to be mentioned on the next CNN Student News,[^.]{0,160}\.",
    r"We will be selecting schools from the comments of the previous show\.",
    r"You must be a teacher or a student age 13 or older to request a mention on the CNN Student News Roll Call!",
    r"Thank you for using CNN Student News!",
    r"Report supplied by the Press Association\.",
    r"More on this and other [A-Z][\w ]{0,40}? stories",
    # BBC regional pages' link glued before the next sentence: "More stories from across Yorkshire The jury",
    # "More news from Suffolk Despite posing ...".
    r"More (?:stories|news) from (?:across )?(?:[A-Z][a-z]+ ){1,3}"
    r"(?=(?:The|A|An|In|On|At|After|When|It|He|She|They|Mr|Mrs|Ms|Police|Despite|But|However|Officers|Some)\s)",
    r"Find out how you can submit your (?:images|pictures|photos)[^.]{0,40}\.",
    # A reader's-pictures page's prompts, whose e-mail addresses hold full stops of their own.
    r"If you have an? (?:picture|photo|image|video|story)s? you['’]?d like to share\b.{0,200}?\.(?=\s|$)",
    r"You can also find us on (?:Instagram|Facebook|Twitter|Pinterest)\b.{0,160}?\.(?=\s|$)",
    # Where a broadcaster's coverage of an event can be seen or heard.
    r"(?:Live )?[Cc]overage will be (?:on|available on|shown on) (?:BBC|the BBC) [^.]{0,120}\.",
    r"You can listen to BBC Radio [^.]{0,120}\.",
    # A programme's plug: "The full interview with Jonas Gutierrez can be seen on Saturday's Football Focus
    # at 1130 (GMT) and below are some of the highlights.", "Listen to the full report on File on 4 ...".
    # The plug ends at its full stop, or at its broadcast time when the next sentence is glued to it.
    r"The full (?:interview|report|programme|documentary) with [^.]{0,80}? can be (?:seen|heard|watched) on "
    rf"{_PLUG_TAIL}",
    rf"Listen to the full (?:interview|report|programme|documentary) on {_PLUG_TAIL}",
    r"Listen via the (?:[A-Z0-9][\w-]* ){1,4}website(?: or on (?:[A-Z][\w-]* ){0,2}[A-Z][\w-]*)?"
    r"(?: Download the (?:(?:[A-Z0-9][\w-]*|on|of|the) ){1,6}podcast)?\.?",
    r"Follow (?:the )?(?:latest|live) (?:updates|coverage|text|reports)[^.]{0,160}? on the BBC Sport website[^.]{0,40}\.",
    # A correspondent's byline glued before the text: "Analysis by Ann Marsh, BBC Scotland home affairs
    # correspondent", or at a sentence start "Tomas Berg, BBC political correspondent".
    r"(?<![\w,;:'’)-]\s)(?:Analysis by |By )?(?:[A-Z][\w'’-]+ ){1,2}[A-Z][\w'’-]+, BBC (?:[A-Za-z&'’-]+ ){0,5}?"
    r"(?:correspondent|editor|reporter)\b",
    # The same byline opening a sentence, glued to the one after it: "BBC Radio 5 live correspondent Iain
    # Carter Johnson took until ..." (a byline's name is two words; the capital after it starts the text).
    r"(?<![\w,;:'’)-]\s)BBC (?:[A-Za-z0-9&'’-]+ ){0,5}?(?:correspondent|editor|reporter) [A-Z][\w'’-]+ [A-Z][\w'’-]+"
    r"(?= [A-Z])",
    r"For the latest news,? views and analysis,? see the BBC [^.]{0,40}page\.",
    r"If you submit an? (?:picture|photo|image|video)[^.]{0,60}Terms and Conditions\.",
    r"At points throughout the year we may introduce a theme for the gallery[^.]{0,80}\.",
    r"You can also see a recent archive of pictures on [^.]{0,80}\.",
    r"When e-?mailing pictures,? please make sure you include the following information:?",
    r"Please note that whilst we welcome all your pictures,[^.]{0,120}\.",
    r"In contributing to [^.]{0,60} you agree to grant us [^.]{0,300}\.",
    # A call for readers' experiences: "Are you in Durban? What is your reaction to ...? Email
    # haveyoursay@bbc.co.uk with your experience. If you would be happy to speak further to a BBC journalist, ..."
    r"E-?mail haveyoursay@bbc\.co\.uk[^\n]{0,120}?\.(?=\s|$)",
    r"If you would be happy to speak further to a BBC journalist,[^.]{0,120}\.",
    r"E-?mail your (?:pictures|photos|images|videos)(?: and videos)? to yourpics@bbc\.co\.uk[^\n]{0,160}?\.(?=\s|$)",
    r"If you are outside the UK, send them to the international number[^.]{0,60}\.",
    r"Or WhatsApp us on \+?[\d ]{7,20}\d",
    r"Read our terms and conditions\.",
    r"It['’]s important to note, however, that you still own the copyright to everything you contribute[^.]{0,160}\.",
    r"The BBC cannot guarantee that all (?:pictures|images|photos) will be used[^.]{0,100}\.",
    r"At no time should you endanger yourself or others[^.]{0,160}\.",
    r"The video is (?:at the top of|above|below) this (?:story|article|page)\.",
    # Notes that a story was or will be updated: a copy that adds one tells nothing new.
    r"(?:Editor['’]s note: )?This (?:story|article|report) (?:has been|was|will be) updated\b[^.]{0,160}\.",
    r"This is a (?:developing|breaking)(?: news)? story[^.]{0,80}\.",
    r"(?:UPDATED?|Update|Updated)(?: at \d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: [A-Z]{2,4})?)?:\s",
    # Pointers to what the page lays out beside the text: "Candidates standing in Cleveland are listed below.",
    # "More information is available on the Choose my PCC website."
    r"(?<![\w,;:'’)-]\s)[A-Z][^.]{0,100}? (?:is|are) (?:listed|shown) (?:below|alphabetically)[^.]{0,40}\.",
    r"(?<![\w,;:'’)-]\s)For (?:help|information|support) and (?:advice|support),? please [^.]{0,120}\.",
    r"(?<![\w,;:'’)-]\s)More information is available (?:on|at|from) (?:the )?[^.]{0,60}?website\.",
    # The network's ownership disclosed in brackets: "(Warner Bros. Pictures is owned by Time Warner, as is CNN.)".
    r"\((?=[^()]*\bCNN\b)(?=[^()]*\bowned by\b)[^()]{10,200}\)",
)
_NOTICE = re.compile(r"(?:^|(?<=\s))(?:" + "|".join(_NOTICES) + r")\s*")


# A page's crosshead glued between two sentences: "...its carbon footprint. Outdoor laboratory In a
# Lincolnshire field, a team...". Up to five words after a sentence's end, the first alone capitalised,
# then a capitalised word that opens sentences and a lower-case one: prose never capitalises "In" there.
_CROSSHEAD = re.compile(
    r"(?:(?<=[.!?\"”] )|^)[A-Z][a-z'’-]+(?: [a-z'’-]+){0,4} "
    r"(?=(?:In|The|But|It|He|She|They|We|This|That|When|After|On|At|For|As|Some|Many|Mr|Mrs|Ms|Last|Earlier|Now)"
    r" [a-z])"
)


def strip_notices(paragraph: str) -> str:
    """``paragraph`` without the player, image, credit and share notices and the crossheads in it; the
    story's words stay."""
    # No literal pre-scan in front of the pattern: on the dev articles it saved nothing measurable, and a
    # notice whose hint was forgotten would silently never apply.
    paragraph = _CROSSHEAD.sub("", paragraph)
    return " ".join(_NOTICE.sub("", paragraph).split())


# A football page's live text feed, glued after the report and written newest first, so it opens on the
# final score: "Match ends, Crawley Town 1, Blackpool 0. Second Half ends, ... Corner, Blackpool.". Nothing
# after that line is the report's prose.
_LIVE_FEED_START = re.compile(
    r"(?:^|(?<=[.!?\"”] ))(?:Match ends|Second Half ends|Full time),"
    r" [A-Z][^,.]{1,60}? \d{1,2}, [A-Z][^,.]{1,60}? \d{1,2}\."
)


def without_live_feed(paragraphs: list[str]) -> list[str]:
    """``paragraphs`` up to the start of a match's live text feed, which runs to the end of the page."""
    for position, paragraph in enumerate(paragraphs):
        feed = _LIVE_FEED_START.search(paragraph)
        if feed:
            report = paragraph[: feed.start()].strip()
            return paragraphs[:position] + ([report] if report else [])
    return paragraphs
