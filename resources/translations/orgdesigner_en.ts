<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ComparisonWindow</name>
    <message numerus="yes">
        <source>&lt;b&gt;⚠ %n change(s) to guarding arrangements must be put to the tenant consultation council (CSI R271-3).&lt;/b&gt; &lt;a href=&quot;notices&quot;&gt;See the notices&lt;/a&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;⚠ %n change to a guarding arrangement must be put to the tenant consultation council (CSI R271-3).&lt;/b&gt; &lt;a href=&quot;notices&quot;&gt;See the notices&lt;/a&gt;</numerusform>
            <numerusform>&lt;b&gt;⚠ %n changes to guarding arrangements must be put to the tenant consultation council (CSI R271-3).&lt;/b&gt; &lt;a href=&quot;notices&quot;&gt;See the notices&lt;/a&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) written to {file}</source>
        <translation>
            <numerusform>%n page written to {file}</numerusform>
            <numerusform>%n pages written to {file}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%n row(s) read</source>
        <translation>
            <numerusform>%n row read</numerusform>
            <numerusform>%n rows read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n blocking problem(s), in red: correct the file or the choices above</source>
        <translation>
            <numerusform>%n blocking problem, in red: correct the file or the choices above</numerusform>
            <numerusform>%n blocking problems, in red: correct the file or the choices above</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) written to {file}</source>
        <translation>
            <numerusform>%n page written to {file}</numerusform>
            <numerusform>%n pages written to {file}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfExportDialog</name>
    <message numerus="yes">
        <source>%n chart page(s)</source>
        <translation>
            <numerusform>%n chart page</numerusform>
            <numerusform>%n chart pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message numerus="yes">
        <source>{scenario}: %n position(s)</source>
        <translation>
            <numerusform>{scenario}: %n position</numerusform>
            <numerusform>{scenario}: %n positions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved edit(s)</source>
        <translation>
            <numerusform>%n unsaved edit</numerusform>
            <numerusform>%n unsaved edits</numerusform>
        </translation>
    </message>
</context>
</TS>
