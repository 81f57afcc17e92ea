package id.kotacerdas.localstack.sinks;

import java.util.List;

/** The HTML page of the sinks view: received SMS and e-mail, newest first, and forms to poke the SMSC. */
final class SinksPage {

    private SinksPage() {
    }

    static String render(List<MailItem> mail, List<SmsItem> sms, String smsMode) {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html lang="en"><head><meta charset="utf-8">
                <meta http-equiv="refresh" content="10">
                <title>Kota Cerdas local sinks</title>
                <style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;width:100%}
                td,th{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}
                th{background:#eee}pre{white-space:pre-wrap;margin:0}form{display:inline-block;margin-right:2em}</style>
                </head><body><h1>Kota Cerdas local sinks</h1>
                <p>Everything the local stack's SMSC simulator and SMTP server received, newest first
                (JSON: <a href="/sms">/sms</a>, <a href="/mail">/mail</a>). This page refreshes every 10 s.</p>
                """);
        html.append("<h2>SMS (").append(sms.size()).append(")</h2><p>SMSC mode: <b>").append(escape(smsMode)).append("</b></p>")
                .append("""
                        <form method="post" action="/sms/inbound">Citizen SMS: from <input name="from" value="+6281200000001" size="15">
                        to <input name="to" value="1708" size="8"> text <input name="text" size="30">
                        <button>inject</button></form>
                        <form method="post" action="/sms/mode">SMSC: <select name="mode"><option>normal</option><option>fail</option>
                        <option>slow</option><option>undeliverable</option><option>drop</option></select>
                        <button>set</button></form>
                        """)
                .append("<table><tr><th>received</th><th>direction</th><th>from</th><th>to</th><th>text</th><th>parts</th></tr>");
        for (SmsItem item : sms) {
            html.append("<tr><td>").append(item.receivedAt()).append("</td><td>").append(escape(item.direction()))
                    .append("</td><td>").append(escape(item.from())).append("</td><td>").append(escape(item.to()))
                    .append("</td><td><pre>").append(escape(item.text())).append("</pre></td><td>").append(item.parts())
                    .append("</td></tr>");
        }
        html.append("</table><h2>E-mail (").append(mail.size()).append(")</h2>")
                .append("<table><tr><th>received</th><th>from</th><th>to</th><th>subject</th><th>text</th></tr>");
        for (MailItem item : mail) {
            html.append("<tr><td>").append(item.receivedAt()).append("</td><td>").append(escape(item.from()))
                    .append("</td><td>").append(escape(String.join(", ", item.to()))).append("</td><td>")
                    .append(escape(item.subject())).append("</td><td><pre>").append(escape(item.text())).append("</pre></td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
