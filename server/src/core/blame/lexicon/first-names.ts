/**
 * Given names from the lexicon of compromise 14 (MIT licence, github.com/spencermountain/compromise), minus names that are also common English words. Regenerate by hand if compromise gains names; server/src/core/blame/lexicon.ts adds names from more cultures.
 */
export const GENERATED_FIRST_NAMES = `
aada aadya aaliyah aaradhya aarav aaron aasha abagail abbey abbi abbie abby abdallah abdel abdoulaye abdul abdullah
abdullo abdulrahman abe abel abi abie abigail abraham abram abril abu abubakr abulfazl ada adaline adalyn adam adama
adan addie addilyn addison adel adela adelaide adele adelene adelia adelina adeline adelynn adi adolf adolfo adolph
adreanna adrian adriana adrianna adrianne adriano adrien adriena adriene adrienne advik afonso agatha aggie agnes
agustin agustina ahmad ahmed ahmet aicha aida aidan aiden aileen aimar aimee aina aino ainsley aisha aishah aisling
aislinn aislynn ajani ajla akira aladdin alain alaina alan alana alanis alanna alannah alanoud alastair alayah
alayna alba albert alberto albrecht alden alec alecia aleisha alejandra alejandro aleksandar aleksander aleksandr
aleksandra aleksei alena alesia alessandra alessandro alex alexa alexander alexandra alexandre alexandros alexandru
alexei alexia alexis alf alfie alfonso alfred ali alia alice alicia alicja alina aline alisa alise alisha alison
alissa alistair aliza allan allen allie allison allyson alois alonso alonzo alphonse alphonso althea alton alvaro
alvin alya alycia alysa alyson alyssa amahle amaia amaira amalia amanda amar amberly amelia amelija amie amilia
amina aminata amine amir amit ammanuel ammar amos amy ana anabel anamaria anas anastasia anastasija anatoli anatoliy
anatoly anaya ander anders andi andjela andra andre andrea andreas andrei andrej andres andrew andrey andrzej andy
ane aneta anette angela angelia angelica angelina angeline angelique angelo angie anika anisa anissa anita anja
anjelica ann anna annabel annabella annabelle annalisa annamaria anne annemarie annett annette annie annika annmarie
anohito anthony antoine antoinette anton antonella antoni antonia antonio antony anwar anya aoi aputsiaq arata
archibald archie ari aria ariana arianna arianne ariel arielle ariki arjun arleen arlena arlene arlette armaan
armand armando armin arnaud arnav arno arnold aroha aron arpita artem arthur artie artur arturo aryan asahi asha
ashanti ashlee ashleigh ashley ashli ashlie ashly ashlyn ashraqat ashton asiya asja asmita assil astrid ataahua
athena aubrey audra audrey audri audry augustina augustine augusto augustus aurelia austeja ava avery avi avigail
awa aya ayaan ayana ayanna ayesha aygun aykhan aylin ayn ayse aysel aziz azra azuna bakary balazs bandar bandile
banele barbara barbora barbra barney barrett barry bart bartholomew bayarmaa bea beatrice beatriz becca becky
belinay belinda benita benito benjamin bennie benny benson berat bernadette bernadine bernard bernardo bernhard
bernice bernie bert bertha bertie bertram bertrand beryl beshoi bess bessie beth bethanie bethany betsy bette bettie
bettina betty bettye beula beulah bev beverley beverly bianca bibek bilal biljana billie billy binita bintou bishal
bismah bjorn blaine blair blake blanca blanche blythe bobbi bobbie bobby bogdan boglarka bolormaa bonita bonnie
boris boyd brad bradford bradley brady branden brandi brandie brandon branislav breanna bree brenda brendan brendon
brenna brent brenton bret brett brian briana brianna brianne brice bridget bridgett bridgette brigid brigitte
britney britt brittany brittney brittni brittny bronwyn brooke bruce bruno bryan bryanna bryce brynn bryon buddy
burt burton buster byron caitlin caitlyn caleb calista callie calvin cameron camila camile camilla camille camilo
candace candice cara carey carina carissa carl carla carlene carley carlie carlo carlos carlota carlotta carlton
carly carmel carmela carmella carmen carole carolina caroline carolyn carrie carrol carroll cary casandra casey
cassandra cassidy cassie catarina caterina catherina catherine cathleen cathryn cathy catrina cayla cecelia cecil
cecile cecilia cecily cedric celeste celia celina celine cesar chad chandra chanelle chantal chantelle charbel
charis charissa charla charlena charlene charles charlette charley charlie charlotte charmaine chas chedeline
chelsea chelsey cher cheri cherie cheryl chester chet cheyenne chloe chris chrissy christa christal christen
christiana christiane christie christina christine christoph christophe christopher christos christy chrystal ciara
ciaran cierra cindi cindy clair claire clara clare clarence clarice claris clarissa claude claudette claudia
claudine claudio claus clay clayton clemens clement cleo cleopatra cletus clifford clifton clint clive clotilde
clyde cody colby cole coleen colette colin colleen collin colton concepcion connie connor conor conrad constance
constantin constanza consuelo cora coralie cordelia corey cori corina corine corinna corinne cornelia cornelis
cornelius corrine cory courtney courtni courtny craig cristal cristiano cristina cristobal curt curtis cyndi cynthia
cyril cyrus daan dahlia daina dalal damaris damia damian damien damion damon dan dana danette dani danica daniel
daniela daniele daniella danielle danika danilo daniz danny daphna daphne dara darby darcey darcie darcy daren daria
darin dario darius darla darlena darlene darnell darrel darrell darren darrin darryl daryl dave davi david davida
davina dayle dayna deana deandra deandre deann deanna deanne deb debbie debby debora deborah debra debrah dede dee
deedee deena deepak deidre deirdre dejan dela delbert delia delilah della delores deloris delphine demetria
demetrius dena denice denis denise dennis denny deon derek derrick deshawn desiree desmond devan deven devin devon
dewayne dewey dexter dhia diana diane dianna dianne diarmuid dieter dietmar dietrich dillon dimitri dimitris dina
dinah dinesh dion dionne dirk diya djeneba dmitri dmitry dolores domingo dominic dominick dominik dominique
dominykas dona donald donna donnell donnie donny donovan dora doreen dorian doris dorla dorothea dorothy dorthy
dottie doug douglas dovydas doyle dragan duane dudley duncan dustin dwayne dwight dylan dyllan ebenezer ecrin eddie
edel eden edgar edie edith edmond edmund edna edoardo eduard eduardo edward edwardo edwin edwina eevi efrain efren
eileen eisha eitan ekaterina ekta ela elaina elaine elana elbert eldon eleanor elen elena eleni eli eliana elias
elicia elida elie elif elijah elin elina elinor eliot elisa elisabeth elise elisha eliska eliza elizabete elizabeth
elizaveta ella ellen ellie elliot elliott ellis elly elma elmer elnora eloise elouise elsa elsie elton elva elvin
elvina elvira elvis elwood ema emanuel emanuela emelda emely emerson emery emil emile emilee emilia emiliano emilie
emilija emilio emilis emily emina emine emirhan emma emmaline emmanuel emmanuelle emmeline emmett emmie emmy enid
enoch enrico enrique enzo eoin ergi eric erica erich erick ericka erik erika erin erma ernest ernestina ernestine
ernesto ernie ernst errol ervin erwin eryn esma esmeralda esperanza esteban estela estele estella estelle ester
estere esther estrella ethan ethel etienne etta eugen eugene eugenia eugenie eunice eva evan evangelina evangeline
evelin evelina evelyn evens everett evgeny evi evie evita ewa eymen ezra fabian fabien fabio fabrice fabrizio fadi
fahd fajr fanta farah farida farrah farzana fatemeh fatiha fatima fatin fatma fatoumata fay faye federico felecia
felicia felipe felix feng fenna ferdinand ferdinando fergus fernanda fernando fidel fien filip fiona fionn fletcher
flora florencia florian floyd forrest fozia fran frances francesca francesco francina francine francis francisca
francisco franciszek francois francoise frankie franklin franklyn fraser fred freda freddie freddy frederic
frederick frederik fredrick fredrik freja frida frieda friedrich frits fritz fyodor gabe gabi gabija gabreal gabriel
gabriela gabriele gabrielius gabriella gabrielle gaby gale galen gamalat gamila gareth garland garrett garry garth
gary gavin gayle gemma gena genevieve genna geoff geoffrey georg george georges georgette georgi georgie georgina
georgios georgy gerald geraldina geraldine gerard gerardo gerhard geri germaine gerrit gerry gert gertrud gertrude
gia giacomo gianna gigi gilbert gilberto gilda giles gilles gillian gina gino giorgi giorgio giorgis giovanna
giovanni gisela gisele giselle gita giuseppe gladys glena glenda glenn glenna gloria glynis godfrey golda goldie
gonzalo googoosh goran gord gordon gottfried gracie graciela grady graham greg gregg gregor gregorio gregory greta
gretchen griselda grover guido guilherme guillaume guillermo gunay gunel gunnar gunter gunther gustaf gustav gustave
gustavo gwen gwendolyn gwyneth gyorgy habib habiba hailey hala haley halim hallie hamza hana hanah hank hanna hannah
hans hao hariet hariette harlan harley harold harri harriet harriett harriette harry haruhito haruki haruta haruto
harvey hasan hasnaa hassan hasti hatice hattie hawa hayato hayden hayley heather hector heidi heinrich heitor helen
helena helene helga helmi hendrik henri henrietta henrik henrique henry henryk herbert herman hermann hermine hessa
hester hilary hilda hildegard hillary himari hinata hoda hollie homer horace horacio horatio hortense hosna hosniya
hossein howard howie hubert hugh hugo humberto huseyin huseyn hussa hussain hussein hyacinth hydar iain ian ibai
ibrahim ichika ignacio igor ike iker ila ilene iliana ilija ilina ilona ilse ilya imane imelda imogena imogene
indira ines ingrid inji inuk inunnguaq iona ionut ira irati irena irene irina irma irvin irving irwin isaac isabel
isabela isabele isabell isabella isabelle isadora isaiah isaias ishaan isiah isidora isla islande ismael ismail
isobel issac itai itsuki iva ivaana ivalu ivan ivana iwona izaro jacinda jacinta jackie jacky jaclyn jacob
jacquelina jacqueline jacquelyn jacques jada jaden jaime jaka jake jakob jakov jakub jamal james jameson jami jamie
jamison jammie jana janae jane janele janelle janessa janet janette janice janie janina janine janis jaqueline jared
jarod jaroslav jarrett jarrod jarvis jasmin jasmina jason jasper javier javiera jayden jayne jayson jazmin jazmine
jeana jeane jeanette jeanie jeanina jeanine jeanna jeanne jeannette jeannie jeannina jeannine jed jeff jeffery
jeffrey jeffry jelena jen jena jenelle jenifer jenna jennette jenni jennie jennifer jenny jens jerald jeremiah
jeremy jeri jermaine jerome jeronimo jerri jerry jesica jess jesse jessica jessie jesus jian jie jil jilian jill
jillian jim jimi jimmie jimmy jing jo joan joana joane joann joanna joanne joao joaquin jocelyn jodi jodie jody joe
joel joelle joesph joey johan johana johann johanna johannes john johnathan johnathon johnie johnnie johnny jokubas
joleen jolena jolene jon jonah jonas jonathan jonathon joni jonny jordi jordon jorge jose josef josefa josefina
josefine joselyn joseph josephina josephine josh joshua josiah josie josue jovana joya joyce jozef juan juana
juanita jude judeline judith judy julen jules julia julian juliana julianna julianne julie julien julienne juliet
julieta juliette julio julissa julius justin justina justine kabita kacey kacper kadiatou kaede kai kaia kaitlin
kaitlyn kajus kaleigh kali kalle kallie kamal kamala kamil kamila kamile kanata kanyakumari kara karen kari karim
karima karin karina karissa karl karla karly karolina karyn kasey kaspar kassandra kassie kat katarina kate katelyn
katelynn katerina katharina katharine kathem katherina katherine kathie kathleen kathrine kathryn kathy kati katia
katie katlyn katrina katy kauri kavita kaye kayla kaylee kayleigh keeley keely keenan keir keira keisha keith kejsi
keley keli kelley kelli kellie kelly kelsey kelsie kely ken kendall kendra kendrick kenna kenneth kenny kenton
kenyatta kenza kera keri kermit kerri kerry keven kevin khadija khadije khaled khalid khawla kheira khongordzol kia
kiana kiara kiera kieran kiersten kiley kim kimberlee kimberley kimberli kimberly kimmernaq kingsley kip kira kiran
kiril kirill kirk kirollos kirsten kirstin kizzy klaus klea konrad konul kori kourtney kris krista kristen kristi
kristian kristie kristin kristina kristine kristopher kristy kristyna krystal krzysztof kurt kurtis kyla kyle kylee
kylie kyls kyra lacey lacie lacy ladona ladonna laia laila lakesha lamar lambert lamija lamont lana landon lara
larisa larissa larry lars lashawn laszlo latasha latifa latisha latonya latoya laura laurel lauren laurence laurent
laurie lauryn laverna laverne lavinia lawrence laxmi layla lea leah leana leandra leandro leane leann leanna leanne
leda leena leevi leia leif leigh leila leilani leja lejla lela leland len lena lennart lenny lenora lenore leola
leon leona leonard leonardo leonel leonid leonie leonora leopold leora lesedi lesley lesli leslie lesly lester
lethabo leticia letitia lettie levente levi lexie leyla lia liam lian liana lianne libbie libby lidia lidya liepa
lila lili lilia lilian liliana lilja lillia lillian lillie lilly lin lina linda lindsay lindsey lindsi lindsy lindy
linus lionel lior lisa lisette liv livia liz liza lizbeth lizette lizzie lloyd logan lois lola lolita lonnie lora
loraina loraine lorelei loren lorena lorene lorenzo loretta lori lorie lorna lorraina lorraine lorri lorrie lotte
lottie lou louella louie louis louisa louise lovelie lovro lowell luann luc luca lucas lucia luciana luciano lucie
lucien lucija lucile lucille lucinda lucy ludovic ludvig ludwig luela luella luigi luis luisa luise luiz luka lukas
luke lula lulu lulwa luna lupe lupita luther luuk luz lydia lyla lyle lyn lyna lynda lyndon lyndsey lyne lynette
lynn lynna lynne lynnette lynsey maayan mabel mable macaulay macie maciej macy madalyn maddie madeleine madelina
madeline madelyn madge madison madonna mads mae magda magdalena magdalene maggie magnus maha mahamadou mahammad
mahdi mahesh mahmoud maia maire maisie maite maja majd maksim malachai malachy malak malcolm malen malia malik
malika malinda mallory mamadou manaia mandakranta mandy manfred manish manny manon manuel manuela mara marc marcel
marcela marcell marcella marcelle marcello marcelo marci marcia marcie marcin marco marcos marcus marcy margaret
margarette margarida margarita marge margery margie margo margot margret margrette marguerite mari maria mariah
mariam mariamawit mariami marian mariana mariane marianna marianne mariano maribel marie mariela mariella marija
marilyn marina mario marion marios maris marisa marisol marissa maritza marius marjorie markel marko markos markus
marla marlena marlene marlin marlo marlon marnie marquis marsha marshall marta martha marti martim martin martina
martine marty marvin marwa mary maryam maryan maryann marybeth maryjane marylou masoud masoumeh matej mateo matheus
mathew mathias mathieu mathilde mathis matias matilda matilde matt matteo matthew matthias matti mattia mattias
mattie matty matus matyas maud maude maura maureen maurice mauricio mavis maxime maximilian maximiliano maxina
maxine maxwell maybell mayra maysoun mazie mckenzie meagan meg megan meghan mehdi mehmet mei mel melanie melina
melinda melisa melissa mellisa melokuhle melvin meredith meriem merissa merjem merle meron merrill mervin mervyn
meryem meryl mia micaela micah michael michaela michal micheal michel michele michelle mick mickey micky midori
miguel mihai mika mikaela mikaere mike mikel mikhail mikolaj mila milagros mildred milena milhouse milica millicent
millie milly milo milos milton mimi mina minato mindy minenhle minerva minh minik minnie mira miral miranda miriam
mirlande mitch mitchell mitzi miyar mobina modibo moe mohamad mohamed mohammad mohammed moira moises mollie molly
mona monica monika monique monte monty morgan moritz moses moshe moussa mrignayani muhamed muhammad muhammed murad
muriel mustafa mustapha mya myles myra myriam myrlande myrna myron myrtle naasunnguaq nadene nadia nadina nadine
nadya nahia nahom naima nalla nancy nanette naomi naomie narges natalia natalie natalya natasha nate nathalie nathan
nathanael nathaniel nathy neal ned nehir neil nel nela nelisa nell nellie nelson nena nerissa nesreen neville nguyen
nia niamh nicholas nichole nicki nickolas nicky nico nicola nicolas nicole nicolette niels nigel niharika niilo nik
nika nikau nikhil niki nikita nikki niklas niko nikola nikolai nikolay nikos nila nilay niles nils nina nisanur
nisha nita nivi noa noah noam noel noella noelle noemi nojus nolan nomaan noor nora norah norbert noreen norma
norman nouf nour nuka nur nuray nurul nyla octavia octavio odelia odette odval ofelia oier oisha oksana olaf olav
oleksandr olga oliver olivia olivier ollie omar omer ondrej ophelia ori orville osama oscar oskar osman osvaldo
oswald otis otto oumar oumou owen oyunbileg pablo padraig paige pam pamela pandora paninnguaq paola paolo parvati
pascal patrica patrice patricia patrick patrik patti pattie patty paul paula paulette paulie paulina pauline paulo
paulos pavel pavlo pedro peggy penelope percy perla petar pete peter petr petra petro petros phil philip philipp
philippe phillip philomena phoebe phylis phyllis pia pierre pieter pietro piotr pipaluk polina polly portia prakash
pravit prem preston priscila priscilla priyamvada prudence puteri pyotr queenie quentin quiana quincy quinn quinton
rabina rachael rachel rachele rachelle rachid rachida rae rafael rahul raina rainer rajesh ralf ralph ramiro ramon
ramona randal randall randi randolph rania raoul raphael raquel rashad rasmus raul rawiri rayan raymond rayna reanna
reba rebeca rebecca rebeka rebekah recep reece reem reema regan reggie regina reginald regis reid reihaneh reina
rena renae renata rene renee reta reuben reyansh reyna reynaldo reza rhea rhett rhiannon rhoda rhona rhonda ria
ricardo riccardo richard richelle richie rick rickey ricki rickie ricky rico rikki riko riley rimas rin rina rita
riya roan robbie robbin robby robert roberta roberto robyn rocco rochele rochelle rocio roderick rodger rodney
rodolfo rodrigo roel rogelio roger roghayyeh rohan roland rolanda rolando rolf romeo ron ronald ronan ronda roni
ronna ronnie ronny rory rosa rosalie rosalina rosalind rosalinda rosalyn rosanna rosanne rosario roscoe roseann
roseanne rosella roselle rosemarie rosemary rosetta rosie roslyn ross rowena roxana roxane roxanna roxanne roxie
roxy roy royce ruben rubin rudolf rudolph rudy rufus rupert russ russel russell ruth ruthie ryan ryou saanvi sabina
sabine sabrina sade sadie saeed sahar saida sakeena sakineh sakura salik sallie sally salma salome salvatore sam
samantha sami samir samira samkelo sammie sammy samuel sandeep sandra sandro sanjay santino saqib sara sarah sarina
sasha satoshi saul savanna savannah scarlett scot scott scottie scotty seamus sean sebastian sebastien sekou selena
selene selim selina selma sepp serena serge sergei sergey sergio serife setayesh seth sevda sevinj seymour shahd
shahid shaikha shaim shaimaa shakira shana shanaya shanda shane shania shanna shannon shanon shaquille shari
sharlene sharon sharron sharyn shaun shauna shawn shawna shay shayla shayma shayna shayne shea sheba sheena sheila
shelby sheldon shelia shelley shelly shelton sheri sheridan sherifa sherman sherri sherrie sherry sheryl shiloh
shira shirley shirli shirly shlomo shona shristi shyla siddhartha sidney sierra sigmund silas sillin silvia silvio
simon simona simone sindy siobhan sita siti siyabonga skye slobodan snezana sobia sofia sofie sofija solomon
somayyeh sondra sonia sonja sonya sophia sophie soren souleymane souta spencer sri stacey staci stacie stacy stan
stanislav stanislaw stanley starla stefan stefanie stefano stefanos stela stella stephan stephane stephanie stephen
steve steven stevie stewart stu stuart suha sumayah sumit sunita suraj suresh susan susana susane susanna susannah
susanne susi susie suzan suzana suzane suzanna suzanne suzette suzie suzy sven svend sybil syd syed sylvester sylvia
sylvie szymon tabatha tabitha tadgh taha taichi taika tala talia talitha tamar tamara tamera tami tamika tammi
tammie tammy tamra tania tanika tanisha tanner tanya tara tarana tareq taryn tasha tatiana tatsuki tawana teddy
tegan teodora terence teresa tereza teri terrance terrell terrence terri terrie terry tess tessa tessie thad
thaddeus thalia thandolwethu thea thelma theo theodor theodora theodore theresa therese thiago thom thomas thomasina
tia tiana tianna tiara tiffany timmy timothy tina tingting tisha titus tobias toby tod todd tomas tomasz tommaso
tommie tommy tomoharu toni tonia tony tonya tora tori tracey traci tracie tracy travis trent trenton trevor trey
tricia trina trish trisha trista tristan troy trudy truman tui tula tunar turki ty tyler tyra tyrone tyson ughur
ugne ulrich ulrik ulysses umberto unax uri ursula urte usha usman uxue valentin valentina valentine valeria valerie
valery vance vanesa vanessa vasily veda velma vera vern verna vernice vernon veronica vesna vic vicente vicki vickie
vicky victor vihaan vikky viktor viktoria viktorie viktorija vilte vince vincent vincenzo violeta virgil vivaan
vivek vivian viviana vivien vivienne vlad vladimir vladislav vojtech volodymyr vusala wakana wallace wally walt
walter wanda waylon wayne wei wendell wendi wendy werner wes wesley weston whitney whitni whitny widelene wila
wilbert wilbur wiley wilfred wilfredo wilfrid wilfried wilhelm wilhelmina willa willard william willie willis willy
wilma winfried winifred winnie winnifred winona winslow winston wojciech wolfgang woodrow wout wouter wyatt xavier
xhoel xiaomei xiaoyan ximena xinyi yael yagmur yahli yan yanis yann yannick yarin yaroslav yasmin yasmine yassin
yassine yelena yesenia yevgeni yevgeny ying yolanda yonas yonatan yonathan yong yosef yousouf youssef yuen yuina
yuna yuri yuriy yury yusif yusuf yuuma yuval yvette yvona yvone yvonna yvonne zac zach zachariah zachary zachery
zack zackary zada zahid zahra zainab zakaria zan zane zara zehra zeinab zelda zelma zena zeynab zeynep zineb zoe
zoey zofia zola zora zoran zsofia
`;
