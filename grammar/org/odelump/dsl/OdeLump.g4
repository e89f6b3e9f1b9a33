/*
 * Grammar of odelump's model language, a superset of ERODE's .ode model syntax.
 * Action-free: all meaning (precedence inside a term, section names, checks) lives in org.odelump.dsl's builder.
 * The language is free-form except for the model name, which runs to the end of its line (token BEGIN_MODEL).
 */
grammar OdeLump;

file        : setting* topItem* EOF ;
setting     : ID+ ASSIGN (NUMBER | ID) ;        // precision = 10 ; unique reagents = true
topItem     : model | command | foreignBlock ;
foreignBlock: BEGIN ident (~BEGIN_MODEL)* ;         // Boolean / multivalued networks: rejected by the builder

model       : BEGIN_MODEL modelItem* END MODEL ;
modelItem   : paramsSection | initSection | partitionSection | reactionsSection | odeSection | viewsSection
            | otherSection | command ;

paramsSection    : BEGIN PARAMETERS paramDecl* END PARAMETERS ;
paramDecl        : ident (ASSIGN expr)? ;        // a value-less parameter is an undeclared constant
initSection      : BEGIN initWord speciesDecl* END initWord ;
initWord         : INIT | INITS ;
speciesDecl      : ident (ASSIGN expr)? (LPAREN STRING RPAREN)? ;
partitionSection : BEGIN PARTITION (block (COMMA? block)* COMMA?)? END PARTITION ;
block            : LBRACE ident (COMMA ident)* RBRACE ;
reactionsSection : BEGIN REACTIONS reaction* END REACTIONS ;
reaction         : composite ARROW composite COMMA rate label? ;
composite        : species (PLUS species)* ;
species          : (NUMBER STAR)? ident ;
rate             : ARBITRARY expr      # arbitraryRate
                 | HILL (ident expr)+  # hillRate
                 | expr                # plainRate
                 ;
label            : LBRACK ident* RBRACK ;
odeSection       : BEGIN ODE equation* END ODE ;
equation         : ident LPAREN ident RPAREN ASSIGN expr ;
viewsSection     : BEGIN VIEWS viewDecl* END VIEWS ;
viewDecl         : ident ASSIGN expr ;
otherSection     : BEGIN ID (~(BEGIN | END))* END ID PARAMETERS? ;

command     : (ident ASSIGN)? ident (INTERNAL_ARGS | LPAREN option? (COMMA option?)* RPAREN) ;
option      : ident+ ASSIGN optionValue | optionValue ;   // option names may hold blanks: perturbation absolute=0.1
optionValue : STRING | LBRACK (optionValue (COMMA optionValue)*)? RBRACK | expr ;

// Expressions: sums and products are flat loops; the builder applies ERODE's precedence inside a term
// (unary minus binds tighter than ^, and ^ is left-associative, then * and /).
expr        : term ((PLUS | MINUS) term)* ;          // operators are inline tokens: fewer tree nodes
term        : atom ((STAR | SLASH | CARET) atom)* ;
atom        : MINUS atom                                  # negAtom
            | NUMBER                                      # numAtom
            | ident LPAREN (expr (COMMA expr)*)? RPAREN   # callAtom
            | ID                                          # refAtom
            | softKeyword                                 # keywordRefAtom
            | LPAREN expr RPAREN                          # parenAtom
            ;

ident       : ID | softKeyword ;
softKeyword : MODEL | PARAMETERS | INIT | INITS | PARTITION | REACTIONS | VIEWS ;

// the model name runs to the end of the line (it may contain blanks and parentheses)
BEGIN_MODEL : 'begin' [ \t]+ 'model' ([ \t]+ ~[\r\n]*)? ;
BEGIN       : 'begin' ;
END         : 'end' ;
MODEL       : 'model' ;
PARAMETERS  : 'parameters' ;
INIT        : 'init' ;
INITS       : 'inits' ;
PARTITION   : 'partition' ;
REACTIONS   : 'reactions' ;
ODE         : 'ODE' ;
VIEWS       : 'views' ;
ARBITRARY   : 'arbitrary' ;
HILL        : 'Hill' ;

INTERNAL_ARGS : '(' [ \t]* '{' ~[}]* '}' [ \t]* ')' ;   // ERODE's internal command syntax reduceFE({a=>b,c=>d})
ARROW   : '->' ;
ASSIGN  : '=' ;
PLUS    : '+' ;
MINUS   : '-' ;
STAR    : '*' ;
SLASH   : '/' ;
CARET   : '^' | '**' ;   // '**' (Python's power, seen in ODEBase files) is read like '^'
LPAREN  : '(' ;
RPAREN  : ')' ;
LBRACE  : '{' ;
RBRACE  : '}' ;
LBRACK  : '[' ;
RBRACK  : ']' ;
COMMA   : ',' ;

NUMBER  : DIGITS ('.' DIGITS)? ([eE] [+-]? DIGITS)? ;
ID      : [A-Za-z_] [A-Za-z0-9_]* ;
STRING  : '"' ~["\r\n]* '"' | '\'' ~['\r\n]* '\'' ;

BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
LINE_COMMENT  : ('//' | '#') ~[\r\n]* -> skip ;
WS            : [ \t\r\n\f]+ -> skip ;
UNKNOWN_CHAR  : . ;

fragment DIGITS : [0-9]+ ;

