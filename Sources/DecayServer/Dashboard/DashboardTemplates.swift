/// The dashboard's Mustache templates, compiled into the binary so a release build runs from any directory. Every
/// `{{name}}` is HTML-escaped; the one triple mustache, `{{{svg}}}`, takes chart markup the server drew itself.
enum DashboardTemplates {
    static let all: [String: String] = [
        "layout": layout, "page": page, "table": table, "login": login, "link": link, "error": error,
    ]

    static let layout = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · MessageDecay</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="{{stylesheet}}">
        <script src="{{script}}" defer></script>
        </head>
        <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="top"><nav aria-label="Main">
        <a class="brand" href="/">MessageDecay</a>
        <ul>{{#nav}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>{{/nav}}</ul>
        {{#signedIn}}<span class="who">{{who}}</span>
        <form class="logout" method="post" action="/logout"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Sign out</button></form>{{/signedIn}}
        </nav></header>
        <main id="main">
        <h1>{{title}}</h1>
        {{$content}}{{/content}}
        </main>
        <footer>MessageDecay · figures from fewer than 3 people are withheld · as of {{asOf}}</footer>
        </body>
        </html>
        """

    static let page = """
        {{<layout}}{{$content}}
        {{#intro}}<p class="intro">{{intro}}</p>{{/intro}}
        {{#hasTiles}}<ul class="tiles">{{#tiles}}<li class="tile">{{#href}}<a href="{{href}}">{{/href}}<span class="label">{{label}}</span><span class="value">{{value}}</span><span class="detail">{{detail}}</span>{{#href}}</a>{{/href}}</li>{{/tiles}}</ul>{{/hasTiles}}
        {{#hasFilters}}<form class="filters" method="get" action="{{path}}">{{#filters}}<label>{{label}}<select name="{{name}}"><option value="">All</option>{{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/options}}</select></label>{{/filters}}<button type="submit">Apply</button></form>{{/hasFilters}}
        <div class="blocks">
        {{#blocks}}<section class="block{{#wide}} wide{{/wide}}" aria-labelledby="h-{{anchor}}">
        <h2 id="h-{{anchor}}">{{heading}}</h2>
        {{#note}}<p class="note">{{note}}</p>{{/note}}
        {{#chart}}<figure class="chart" aria-labelledby="h-{{anchor}}">{{{svg}}}<figcaption><a class="svg" href="{{svgHref}}">Download SVG</a></figcaption></figure>
        {{#table}}<details><summary>The chart's numbers as a table</summary>{{> table}}</details>{{/table}}{{/chart}}
        {{^chart}}{{#table}}{{> table}}{{/table}}{{/chart}}
        </section>
        {{/blocks}}
        </div>
        {{#hasPager}}<nav class="pager" aria-label="Pages">{{#pager}}<a href="{{href}}">{{label}}</a>{{/pager}}</nav>{{/hasPager}}
        {{/content}}{{/layout}}
        """

    static let table = """
        {{#isEmpty}}<p class="note">{{empty}}</p>{{/isEmpty}}{{^isEmpty}}<div class="scroll"><table>
        <caption>{{caption}} <a class="csv" href="{{csvHref}}">CSV</a></caption>
        <thead><tr>{{#headers}}<th scope="col"{{#numeric}} class="num"{{/numeric}}>{{text}}</th>{{/headers}}</tr></thead>
        <tbody>{{#rows}}<tr>{{#cells}}<td{{#classes}} class="{{classes}}"{{/classes}}>{{#segments}}{{#marked}}<mark class="distorted" title="{{about}}">{{/marked}}{{text}}{{#marked}}</mark>{{/marked}}{{/segments}}{{^segments}}{{#href}}<a href="{{href}}">{{text}}</a>{{/href}}{{^href}}{{text}}{{/href}}{{/segments}}{{#action}} <form class="action" method="post" action="{{url}}"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">{{label}}</button></form>{{/action}}</td>{{/cells}}</tr>
        {{/rows}}</tbody></table></div>{{#hasPager}}<nav class="pager" aria-label="Rows">{{#pager}}{{#href}}<a href="{{href}}">{{label}}</a>{{/href}}{{^href}}<span>{{label}}</span>{{/href}}{{/pager}}</nav>{{/hasPager}}{{/isEmpty}}
        """

    static let login = """
        {{<layout}}{{$content}}
        <form class="login" method="post" action="/login">
        <p class="intro">Sign in with the admin token, or open the link in your weekly digest.</p>
        {{#problem}}<p class="error" role="alert">{{problem}}</p>{{/problem}}
        <input type="hidden" name="csrf" value="{{loginCSRF}}">
        <label for="token">Admin token</label>
        <input id="token" name="token" type="password" autocomplete="current-password" required>
        <button type="submit">Sign in</button>
        </form>
        {{/content}}{{/layout}}
        """

    /// A manager's signed link asks before it signs in, so a page elsewhere cannot sign a browser into someone's session.
    static let link = """
        {{<layout}}{{$content}}
        <form class="login" method="post" action="/login/link">
        <p class="intro">This link from your weekly digest opens your dashboard: the partners and reps your digest covers.</p>
        {{#problem}}<p class="error" role="alert">{{problem}}</p>{{/problem}}
        <input type="hidden" name="csrf" value="{{loginCSRF}}">
        <input type="hidden" name="token" value="{{linkToken}}">
        <button type="submit">Open my dashboard</button>
        </form>
        {{/content}}{{/layout}}
        """

    static let error = """
        {{<layout}}{{$content}}
        <p class="error" role="alert">{{problem}}</p>
        <p><a href="/">Back to the overview</a></p>
        {{/content}}{{/layout}}
        """
}
