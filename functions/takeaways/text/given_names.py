"""How people's names start, so a two-word name is typed a person's only when it starts like one.

Without it "Deepwater Horizon" and "Amnesty International" read as people. The list is
broad rather than deep (English, European, Latin American, Arabic, African, South and East
Asian names as they appear in English-language news) and lower-cased.
"""

from __future__ import annotations

GIVEN_NAMES = frozenset(
    """
    aaron abby abdel abdul abdullah abe abigail abraham ada adam adama adele adrian adriana agnes ahmad ahmed
    aidan aisha akira al alan alana albert alberto alejandro aleksandr alex alexa alexander alexandra alexei
    alexis alfred ali alice alicia alison allison alma amanda amber amelia amina amir amit amy ana anastasia
    anderson andre andrea andreas andrei andres andrew andy angela angelina angelo angus anil anita ann anna
    anne annie anthony antoine anton antonio april archie ariana ariel arjun arnold arthur arturo asha ashley
    ashton aubrey audrey austin ava avery ayesha barack barbara barry bashar beatrice becky bella ben benjamin
    bernard bernie beth betty beyonce bianca bill billy blake bob bobby bonnie boris brad bradley brandon
    brenda brent brett brian bridget britney brittany brooke bruce bruno bryan caitlin caleb calvin camila
    cameron camille candace carl carla carlos carmen carol caroline carolyn carrie casey cassandra catherine
    cathy cecilia cedric celine chad chandra charles charlie charlotte chelsea cheryl chloe chris christian
    christina christine christopher chuck cindy claire clara clarence claudia clay clint clinton cody colin
    connor conor constance courtney craig cristina crystal curtis cynthia dale dalia damian dan dana daniel
    daniela danielle danny daphne darius darren dave david dawn dean deborah debra deepak denis denise dennis
    derek desmond diana diane diego dimitri dina dmitry dolores dominic don donald donna doris dorothy doug
    douglas drew duncan dustin dwayne dwight dylan earl ed eddie edgar edith edmund eduardo edward edwin
    eileen elaine eleanor elena eli elias elijah elizabeth ella ellen ellie elliot elon elsa emily emma
    emmanuel enrique eric erica erik erin ernest esther ethan eugene eva evan evelyn ezra fabian faisal
    farah fatima felicia felipe felix fernando fiona florence frances francesca francis francisco frank
    franklin fred freddie frederick gabriel gabriela gail gareth gary gavin gemma gene george georgia gerald
    gerard gianni gina giovanni giuseppe gladys glen glenn gloria gordon grace graham grant greg gregory
    gwen hailey hakeem hamid hamza hana hannah hans harold harriet harry harvey hassan hayley heather hector
    heidi helen helena henry herbert hillary hiroshi holly hope howard hugh hugo hussein ian ibrahim ida
    igor ilya imran ines ingrid irene iris isaac isabel isabella isaiah ismail ivan ivy jack jackie jackson
    jacob jacqueline jaime jake jamal james jamie jan jane janet janice jared jasmine jason javier jay jean
    jeff jeffrey jelena jennifer jenny jeremy jerome jerry jesse jessica jesus jill jim jimmy jo joan joanna
    joanne joe joel joey johan johanna john johnny jon jonathan jordan jorge jose joseph josh joshua joy
    juan juanita judith judy julia julian juliana julie julio june justin kamala karen karim karl kate
    katherine kathleen kathryn kathy katie katrina kay keith kelly ken kenneth kenny kerry kevin khalid kim
    kimberly kirk kristen kristin kurt kyle lamar lana lance larry laura lauren laurence lawrence leah lee
    leila lena leo leon leonard leroy leslie lewis liam lily linda lindsay lindsey lionel lisa liz lloyd
    logan lois lorenzo lori louis louise lucas lucia lucy luigi luis luke lydia lynn madeleine madison
    maggie malcolm mandy manuel marc marcel marco marcus margaret margo maria mariam marie marilyn mario
    marion marisol mark marlene marsha martha martin marvin mary mason matt matteo matthew maureen maurice
    max maxine maxwell maya megan mehmet melanie melissa meredith mia michael michel michele michelle miguel
    mike mikhail milan mildred miles mindy miriam mitch mitchell mo mohamed mohammad mohammed monica morgan
    muhammad muhammadu mustafa nadia naomi narendra natalia natalie nathan nathaniel neil nelson nicholas
    nick nicola nicolas nicole nigel nikita nikki nina noah noel nora norman oliver olivia omar oscar owen
    pablo pamela paola patricia patrick patty paul paula pauline pedro peggy penelope peter philip phillip
    phyllis pierre priya rachel rafael rahul raj rajesh ralph ramon randall randy raphael raquel rashid raul
    ray raymond rebecca reed regina reggie renee rhonda ricardo richard rick ricky rita rob robert roberto
    robin rod rodney roger roland ron ronald rosa rose rosemary ross roxy roy ruby rudy russell ruth ryan
    sabrina sadiq saeed salim sally salma sam samantha samir samuel sandra sanjay sara sarah saul scott sean
    sebastian sergei sergio seth shane shannon sharon shaun shawn sheila shelby sherry shirley sidney simon
    simone sofia sonia sophia sophie spencer stacy stanley stefan stella stephanie stephen steve steven
    stuart sue susan suzanne sylvia tamara tammy tanya tara ted teresa terry thelma theo theodore theresa
    thomas tiffany tim timothy tina toby todd tom tommy toni tony tracy travis trevor trey troy tyler umar
    valentina valerie vanessa vera veronica vicki victor victoria vijay vin vince vincent viola violet
    virginia vivian vladimir wade walter wanda warren wayne wendy wesley whitney will william willie wilson
    xavier yasmin yolanda yousef youssef yuki yuri yusuf zach zachary zainab zoe kylie serge carsten ingmar
    mahesh malik kwame kofi ama abena yaw kojo chidi ngozi emeka chinedu tunde femi bola thabo sipho zanele
    jomo uhuru wanjiru
    """.split()
)
# Chinese, Korean and Vietnamese names put the family name first: "Mao Zedong", "Park Geun-hye".
FAMILY_NAMES_FIRST = frozenset(
    """
    li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo lin gao luo mao xi deng
    kim park choi jung kang cho yoon nguyen tran pham
    """.split()
)
NAME_STARTS = GIVEN_NAMES | FAMILY_NAMES_FIRST
