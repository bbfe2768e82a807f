<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Actions</name>
    <message>
        <source>Enter a new patient&apos;s name, record number and date of birth.</source>
        <translation>Registrar el nombre, el número de historia y la fecha de nacimiento de un paciente nuevo.</translation>
    </message>
    <message>
        <source>Start an exam of the open patient, dated today.</source>
        <translation>Empezar una exploración del paciente abierto, con la fecha de hoy.</translation>
    </message>
    <message>
        <source>Search the patients by name or record number as you type.</source>
        <translation>Buscar pacientes por nombre o número de historia mientras escribe.</translation>
    </message>
    <message>
        <source>Read one patient or many from a NeuroExam JSON file.</source>
        <translation>Leer uno o varios pacientes de un archivo JSON de NeuroExam.</translation>
    </message>
    <message>
        <source>Write this patient or all of them as JSON, CSV or a FHIR Bundle.</source>
        <translation>Guardar este paciente o todos como JSON, CSV o un Bundle FHIR.</translation>
    </message>
    <message>
        <source>The clinic&apos;s name and telephone, the database, paper, language and backups.</source>
        <translation>Nombre y teléfono de la clínica, base de datos, papel, idioma y copias de seguridad.</translation>
    </message>
    <message>
        <source>Add, list and disable the clinic&apos;s logins and their roles (clinic mode).</source>
        <translation>Añadir, ver y desactivar los usuarios de la clínica y sus funciones (modo clínica).</translation>
    </message>
    <message>
        <source>Close NeuroExam; every edit is already saved.</source>
        <translation>Cerrar NeuroExam; todos los cambios ya están guardados.</translation>
    </message>
    <message>
        <source>The rules behind triage and localisation, with their published sources.</source>
        <translation>Las reglas del triaje y de la localización, con sus fuentes publicadas.</translation>
    </message>
    <message>
        <source>Every command and the keys typed inside the exam, on one page.</source>
        <translation>Todas las órdenes y las teclas de la exploración, en una página.</translation>
    </message>
    <message>
        <source>The version, the licence, the rules version and the database in use.</source>
        <translation>La versión, la licencia, la versión de las reglas y la base de datos en uso.</translation>
    </message>
    <message>
        <source>Give every item of this step not yet entered its normal value.</source>
        <translation>Dar el valor normal a todo lo que falta por anotar en este paso.</translation>
    </message>
    <message>
        <source>Go to the next step of the exam.</source>
        <translation>Ir al paso siguiente de la exploración.</translation>
    </message>
    <message>
        <source>Go back to the previous step of the exam.</source>
        <translation>Volver al paso anterior de la exploración.</translation>
    </message>
    <message>
        <source>Sign the exam in the examiner&apos;s name; it becomes read-only.</source>
        <translation>Firmar la exploración en nombre del explorador; queda de solo lectura.</translation>
    </message>
    <message>
        <source>Write the clinician report and the patient handout as PDFs and open them.</source>
        <translation>Crear en PDF el informe clínico y la hoja para el paciente, y abrirlos.</translation>
    </message>
    <message>
        <source>Show and enter the other sensory modality on the dermatome map.</source>
        <translation>Mostrar y anotar la otra modalidad sensitiva en el mapa de dermatomas.</translation>
    </message>
    <message>
        <source>Show the preoperative baseline or the previous exam beside every field.</source>
        <translation>Mostrar junto a cada campo la basal preoperatoria o la exploración anterior.</translation>
    </message>
    <message>
        <source>Change a signed exam, giving the reason; the signed revision is kept.</source>
        <translation>Corregir una exploración firmada, indicando el motivo; la revisión firmada se conserva.</translation>
    </message>
    <message>
        <source>Print the clinician report and the patient handout from the print dialog.</source>
        <translation>Imprimir el informe clínico y la hoja para el paciente desde el diálogo de impresión.</translation>
    </message>
    <message>
        <source>Take back the last edit of the exam.</source>
        <translation>Deshacer el último cambio de la exploración.</translation>
    </message>
    <message>
        <source>Make the edit taken back again.</source>
        <translation>Volver a hacer el cambio deshecho.</translation>
    </message>
</context>
<context>
    <name>AuditHistoryDialog</name>
    <message>
        <source>Audit history – {family}, {given}</source>
        <translation>Historial de auditoría – {family}, {given}</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>Exploración</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>Audit history</source>
        <translation>Historial de auditoría</translation>
    </message>
    <message>
        <source>Show the database server&apos;s own rows</source>
        <translation>Mostrar las filas del propio servidor de la base de datos</translation>
    </message>
    <message>
        <source>{count} entries, newest first; times are this computer&apos;s local time (UTC in the tooltip).</source>
        <translation>{count} entradas, la más reciente primero; horas locales de este ordenador (UTC en la información emergente).</translation>
    </message>
</context>
<context>
    <name>ColumnTableModel</name>
    <message>
        <source>{status}, being edited by {name} since {since}</source>
        <translation>{status}, en edición por {name} desde {since}</translation>
    </message>
    <message>
        <source>{status}, being edited by {name} since {since} (expired)</source>
        <translation>{status}, en edición por {name} desde {since} (caducado)</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>basal</translation>
    </message>
    <message>
        <source>previous</source>
        <translation>anterior</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Derecha</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Izquierda</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Examiner</source>
        <translation>Explorador</translation>
    </message>
</context>
<context>
    <name>ContextStep</name>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>dd/MM/yyyy</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>Kind of exam</source>
        <translation>Tipo de exploración</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operación</translation>
    </message>
    <message>
        <source>Examiner</source>
        <translation>Explorador</translation>
    </message>
</context>
<context>
    <name>DermatomeMapWidget</name>
    <message>
        <source>Dermatome map</source>
        <translation>Mapa de dermatomas</translation>
    </message>
    <message>
        <source>Dermatome map: {caption}</source>
        <translation>Mapa de dermatomas: {caption}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>{label}: {text} is not a date (YYYY-MM-DD)</source>
        <translation>{label}: {text} no es una fecha (AAAA-MM-DD)</translation>
    </message>
</context>
<context>
    <name>ExamControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Edits not saved</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>The last edits of this exam could not be saved and are not in the database:

{reason}

Close and lose them?</source>
        <translation>Los últimos cambios de esta exploración no se pudieron guardar y no están en la base de datos:

{reason}

¿Cerrar y perderlos?</translation>
    </message>
    <message>
        <source>Unsaved amendment</source>
        <translation>Corrección sin guardar</translation>
    </message>
    <message>
        <source>The amendment of this signed exam has not been saved. Save it as a new signed revision, discard its changes, or go back to it?</source>
        <translation>La corrección de esta exploración firmada no se ha guardado. ¿Guardarla como una nueva revisión firmada, descartar sus cambios o volver a ella?</translation>
    </message>
    <message>
        <source>Not signed yet</source>
        <translation>Aún sin firmar</translation>
    </message>
    <message>
        <source>Save amendment</source>
        <translation>Guardar la corrección</translation>
    </message>
    <message>
        <source>Sign exam</source>
        <translation>Firmar la exploración</translation>
    </message>
    <message>
        <source>Your password, to sign as {signer}:</source>
        <translation>Su contraseña, para firmar como {signer}:</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>Sin firmar</translation>
    </message>
    <message>
        <source>Amendment saved as a new signed revision.</source>
        <translation>Corrección guardada como una nueva revisión firmada.</translation>
    </message>
    <message>
        <source>Exam signed by {examiner}.</source>
        <translation>Exploración firmada por {examiner}.</translation>
    </message>
    <message>
        <source>Amend signed exam</source>
        <translation>Corregir la exploración firmada</translation>
    </message>
    <message>
        <source>Why is this signed exam being changed? (kept with the revision)</source>
        <translation>¿Por qué se cambia esta exploración firmada? (se guarda con la revisión)</translation>
    </message>
    <message>
        <source>Amendment</source>
        <translation>Corrección</translation>
    </message>
    <message>
        <source>Amending: make the changes, then save the amendment ({keys}).</source>
        <translation>Corrigiendo: haga los cambios y guarde la corrección ({keys}).</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Descartar el borrador</translation>
    </message>
    <message>
        <source>Discard the draft exam of {date}? Its findings are removed; the audit log keeps a note that it was discarded.</source>
        <translation>¿Descartar el borrador de la exploración del {date}? Sus hallazgos se eliminan; el registro de auditoría guarda una nota de que se descartó.</translation>
    </message>
    <message>
        <source>Not discarded</source>
        <translation>No se descartó</translation>
    </message>
    <message>
        <source>Draft discarded.</source>
        <translation>Borrador descartado.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>This exam is shown as it was assessed when signed. Since then {changed} changed; amend the exam to assess it against the records as they are now.</source>
        <translation>Esta exploración se muestra tal como se valoró al firmarla. Desde entonces ha cambiado {changed}; corrija la exploración para valorarla con los datos actuales.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not saved.&lt;/b&gt; The edits on screen are not in the database.</source>
        <translation>&lt;b&gt;No guardado.&lt;/b&gt; Los cambios en pantalla no están en la base de datos.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <source>Writing the clinician report and the patient handout…</source>
        <translation>Escribiendo el informe clínico y la hoja para el paciente…</translation>
    </message>
    <message>
        <source>Wrote {report} and {handout}</source>
        <translation>Escritos {report} y {handout}</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Print the clinician report (pages {a}–{b}) and the patient handout (pages {c}–{d})</source>
        <translation>Imprimir el informe clínico (páginas {a}–{b}) y la hoja para el paciente (páginas {c}–{d})</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Imprimiendo…</translation>
    </message>
    <message>
        <source>Printed {n} pages on {printer}.</source>
        <translation>Impresas {n} páginas en {printer}.</translation>
    </message>
</context>
<context>
    <name>ExamEditor</name>
    <message>
        <source>&lt;b&gt;Read-only here: being edited by {name} at {workstation} since {since}.&lt;/b&gt; It opens for editing here when they close it.</source>
        <translation>&lt;b&gt;Solo lectura aquí: la está editando {name} en {workstation} desde {since}.&lt;/b&gt; Podrá editarse aquí cuando la cierre.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Read-only here: {name} opened it for editing at {workstation} at {since}, but that workstation has given no sign of life since {seen}; the lock has expired.&lt;/b&gt; &lt;a href=&quot;take-over&quot;&gt;Take over editing&lt;/a&gt; (what they saved is kept).</source>
        <translation>&lt;b&gt;Solo lectura aquí: {name} la abrió para editarla en {workstation} a las {since}, pero ese puesto no da señales de vida desde {seen}; el bloqueo ha caducado.&lt;/b&gt; &lt;a href=&quot;take-over&quot;&gt;Tomar el relevo y editarla&lt;/a&gt; (lo que guardó se conserva).</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexto</translation>
    </message>
    <message>
        <source>Motor</source>
        <translation>Fuerza</translation>
    </message>
    <message>
        <source>Sensory</source>
        <translation>Sensibilidad</translation>
    </message>
    <message>
        <source>Reflexes and UMN signs</source>
        <translation>Reflejos y signos piramidales</translation>
    </message>
    <message>
        <source>Walking and tension tests</source>
        <translation>Marcha y tensión radicular</translation>
    </message>
    <message>
        <source>Red flags and pain</source>
        <translation>Signos de alarma y dolor</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Exam status</source>
        <translation>Estado de la exploración</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>Corregir…</translation>
    </message>
    <message>
        <source>Amend the signed exam ({keys}): you are asked why</source>
        <translation>Corregir la exploración firmada ({keys}): se le pregunta el motivo</translation>
    </message>
    <message>
        <source>&lt;b&gt;Amending the signed exam&lt;/b&gt; ({reason}). Your changes are saved together as a new signed revision with {keys}; the earlier revision is kept.</source>
        <translation>&lt;b&gt;Corrigiendo la exploración firmada&lt;/b&gt; ({reason}). Sus cambios se guardan juntos como una nueva revisión firmada con {keys}; la revisión anterior se conserva.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Signed exam: read-only.&lt;/b&gt; {keys} amends it (you are asked why).</source>
        <translation>&lt;b&gt;Exploración firmada: solo lectura.&lt;/b&gt; {keys} la corrige (se le pregunta el motivo).</translation>
    </message>
    <message>
        <source>This exam is signed; nothing was changed. Choose Amend to change it.</source>
        <translation>Esta exploración está firmada; no se ha cambiado nada. Elija Corregir para cambiarla.</translation>
    </message>
    <message>
        <source>{keys} amends it (you are asked why).</source>
        <translation>{keys} la corrige (se le pregunta el motivo).</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Not testable</source>
        <translation>No valorable</translation>
    </message>
    <message>
        <source>Why is it not testable?</source>
        <translation>¿Por qué no es valorable?</translation>
    </message>
    <message>
        <source>Exam steps</source>
        <translation>Pasos de la exploración</translation>
    </message>
    <message>
        <source>Rest normal ({keys})</source>
        <translation>Resto normal ({keys})</translation>
    </message>
    <message>
        <source>Next step (Enter)</source>
        <translation>Paso siguiente (Intro)</translation>
    </message>
    <message>
        <source>Beside each field ({keys}):</source>
        <translation>Junto a cada campo ({keys}):</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Comparar con</translation>
    </message>
    <message>
        <source>Items to test</source>
        <translation>Elementos por explorar</translation>
    </message>
    <message>
        <source>Motor strength (MRC 0-5; type the grade, - or + after 4, N for not testable)</source>
        <translation>Balance muscular (MRC 0-5; escriba el grado, - o + tras el 4, N si no es valorable)</translation>
    </message>
    <message>
        <source>Step: {title}</source>
        <translation>Paso: {title}</translation>
    </message>
    <message>
        <source>Rest normal</source>
        <translation>Resto normal</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Paso siguiente</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Paso anterior</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <source>Switch light touch / pin prick</source>
        <translation>Alternar tacto ligero / pinchazo</translation>
    </message>
    <message>
        <source>Compare with baseline / previous exam</source>
        <translation>Comparar con la basal / la anterior</translation>
    </message>
    <message>
        <source>Amend signed exam</source>
        <translation>Corregir la exploración firmada</translation>
    </message>
    <message>
        <source>Print reports</source>
        <translation>Imprimir los informes</translation>
    </message>
    <message>
        <source>&lt;b&gt;Still undecided between the leading lesions.&lt;/b&gt; Test these before you decide:</source>
        <translation>&lt;b&gt;Aún sin decidir entre las lesiones más probables.&lt;/b&gt; Explore esto antes de decidir:</translation>
    </message>
    <message>
        <source>NOT EXAMINED:</source>
        <translation>NO EXPLORADO:</translation>
    </message>
    <message>
        <source>{section}: {count} items ({items})</source>
        <translation>{section}: {count} elementos ({items})</translation>
    </message>
    <message>
        <source>nothing: every item was examined</source>
        <translation>nada: se exploraron todos los elementos</translation>
    </message>
</context>
<context>
    <name>ExchangeJobs</name>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Exporting to {file}…</source>
        <translation>Exportando a {file}…</translation>
    </message>
    <message>
        <source>Exported {patients} patients, {exams} exams to {file}</source>
        <translation>Exportados {patients} pacientes y {exams} exploraciones a {file}</translation>
    </message>
    <message>
        <source>Import records</source>
        <translation>Importar historias</translation>
    </message>
    <message>
        <source>NeuroExam records (*.json)</source>
        <translation>Historias de NeuroExam (*.json)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>Importando {file}…</translation>
    </message>
    <message>
        <source>; {count} items were already stored</source>
        <translation>; {count} elementos ya estaban guardados</translation>
    </message>
    <message>
        <source>Imported {patients} new patients and {exams} new exams</source>
        <translation>Importados {patients} pacientes nuevos y {exams} exploraciones nuevas</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>JSON patient record</source>
        <translation>Historia del paciente en JSON</translation>
    </message>
    <message>
        <source>CSV, one row per exam</source>
        <translation>CSV, una fila por exploración</translation>
    </message>
    <message>
        <source>FHIR R4 Bundle (with the clinician PDF)</source>
        <translation>Bundle FHIR R4 (con el PDF clínico)</translation>
    </message>
    <message>
        <source>Bulk FHIR, one Bundle per patient (NDJSON, no PDFs)</source>
        <translation>FHIR masivo, un Bundle por paciente (NDJSON, sin PDF)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>This patient ({id})</source>
        <translation>Este paciente ({id})</translation>
    </message>
    <message>
        <source>All patients</source>
        <translation>Todos los pacientes</translation>
    </message>
    <message>
        <source>De-identify (no names or notes, birth year only, keyed pseudonyms)</source>
        <translation>Desidentificar (sin nombres ni notas, solo el año de nacimiento, seudónimos con clave)</translation>
    </message>
    <message>
        <source>Export file</source>
        <translation>Archivo de exportación</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportar a</translation>
    </message>
    <message>
        <source>File: choose where to write the export</source>
        <translation>Archivo: elija dónde escribir la exportación</translation>
    </message>
    <message>
        <source>File: the folder {folder} does not exist</source>
        <translation>Archivo: la carpeta {folder} no existe</translation>
    </message>
</context>
<context>
    <name>GradeGridModel</name>
    <message>
        <source>test ▸</source>
        <translation>explorar ▸</translation>
    </message>
    <message>
        <source>{side} {item}: {now}; {reference} {before}</source>
        <translation>{item} {side}: {now}; {reference} {before}</translation>
    </message>
    <message>
        <source>not examined</source>
        <translation>no explorado</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
</context>
<context>
    <name>GradeGridView</name>
    <message>
        <source>motor grades</source>
        <translation>grados de fuerza</translation>
    </message>
    <message>
        <source>reflexes grades</source>
        <translation>grados de los reflejos</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Motor grid</source>
        <translation>Tabla motora</translation>
    </message>
    <message>
        <source>the MRC grade</source>
        <translation>el grado MRC</translation>
    </message>
    <message>
        <source>- or + after a 4</source>
        <translation>- o + después de un 4</translation>
    </message>
    <message>
        <source>4- or 4+</source>
        <translation>4- o 4+</translation>
    </message>
    <message>
        <source>Motor and reflex grids</source>
        <translation>Tablas motora y de reflejos</translation>
    </message>
    <message>
        <source>not testable (the reason is asked)</source>
        <translation>no valorable (se pide el motivo)</translation>
    </message>
    <message>
        <source>Reflex grid</source>
        <translation>Tabla de reflejos</translation>
    </message>
    <message>
        <source>the NINDS grade</source>
        <translation>el grado NINDS</translation>
    </message>
    <message>
        <source>Grids</source>
        <translation>Tablas</translation>
    </message>
    <message>
        <source>Arrows, Tab</source>
        <translation>Flechas, Tab</translation>
    </message>
    <message>
        <source>move between fields</source>
        <translation>moverse entre campos</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supr</translation>
    </message>
    <message>
        <source>clear the value</source>
        <translation>borrar el valor</translation>
    </message>
    <message>
        <source>Dermatome map</source>
        <translation>Mapa de dermatomas</translation>
    </message>
    <message>
        <source>Tab, arrows</source>
        <translation>Tab, flechas</translation>
    </message>
    <message>
        <source>move between dermatomes</source>
        <translation>moverse entre dermatomas</translation>
    </message>
    <message>
        <source>normal, altered, absent</source>
        <translation>normal, alterada, ausente</translation>
    </message>
    <message>
        <source>not testable</source>
        <translation>no valorable</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <source>the next value</source>
        <translation>el valor siguiente</translation>
    </message>
    <message>
        <source>not examined</source>
        <translation>no explorado</translation>
    </message>
    <message>
        <source>Any step</source>
        <translation>Cualquier paso</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>the next step</source>
        <translation>el paso siguiente</translation>
    </message>
    <message>
        <source>Keyboard reference</source>
        <translation>Referencia de teclado</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Órdenes</translation>
    </message>
    <message>
        <source>Inside the exam</source>
        <translation>Dentro de la exploración</translation>
    </message>
    <message>
        <source>Documents the focused neurological exam of the legs in lumbar radiculopathy, before and after a lumbar disc operation, and compares it with earlier exams. A documentation and decision-support aid: it does not replace clinical judgement.</source>
        <translation>Documenta la exploración neurológica dirigida de las piernas en la radiculopatía lumbar, antes y después de una operación de disco lumbar, y la compara con las exploraciones anteriores. Es una ayuda para la documentación y la decisión: no sustituye el juicio clínico.</translation>
    </message>
    <message>
        <source>Clinical rules</source>
        <translation>Reglas clínicas</translation>
    </message>
    <message>
        <source>version</source>
        <translation>versión</translation>
    </message>
    <message>
        <source>Database in use</source>
        <translation>Base de datos en uso</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>Fonts, colour profile and libraries keep their own licences (THIRD-PARTY-NOTICES.md).</source>
        <translation>Las fuentes, el perfil de color y las bibliotecas conservan sus propias licencias (THIRD-PARTY-NOTICES.md).</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Progress of the running task</source>
        <translation>Progreso de la tarea en curso</translation>
    </message>
</context>
<context>
    <name>LiveUpdates</name>
    <message>
        <source>Changes made at other workstations are not shown until the database can be reached again: {reason}</source>
        <translation>Los cambios hechos en otros puestos no se mostrarán hasta que se pueda volver a acceder a la base de datos: {reason}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to the clinic&apos;s database</source>
        <translation>Iniciar sesión en la base de datos de la clínica</translation>
    </message>
    <message>
        <source>Server &lt;b&gt;{host}&lt;/b&gt;, database &lt;b&gt;{database}&lt;/b&gt;</source>
        <translation>Servidor &lt;b&gt;{host}&lt;/b&gt;, base de datos &lt;b&gt;{database}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Your own login, as the clinic&apos;s administrator gave it to you. The password is not stored on this computer.</source>
        <translation>Su propio usuario, tal como se lo dio el administrador de la clínica. La contraseña no se guarda en este ordenador.</translation>
    </message>
    <message>
        <source>Enter your login and your password.</source>
        <translation>Escriba su usuario y su contraseña.</translation>
    </message>
    <message>
        <source>The database server {host} cannot be reached. Check the network and that the server is running, then log in again.</source>
        <translation>No se puede conectar con el servidor de la base de datos {host}. Compruebe la red y que el servidor esté en marcha, y vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>The login {login} has no permission to use this database: it is not a NeuroExam user of it. Ask the clinic&apos;s administrator.</source>
        <translation>El usuario {login} no tiene permiso para usar esta base de datos: no es usuario de NeuroExam en ella. Consulte al administrador de la clínica.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Database: {where}</source>
        <translation>Base de datos: {where}</translation>
    </message>
    <message>
        <source>server</source>
        <translation>servidor</translation>
    </message>
    <message>
        <source> · logged in as {user}</source>
        <translation> · sesión de {user}</translation>
    </message>
    <message>
        <source>⚠ Automatic backup failed (hover for why)</source>
        <translation>⚠ Falló la copia de seguridad automática (pase el ratón para ver por qué)</translation>
    </message>
    <message>
        <source>Search by name or record id…</source>
        <translation>Buscar por nombre o número de historia…</translation>
    </message>
    <message>
        <source>Search patients</source>
        <translation>Buscar pacientes</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Pacientes</translation>
    </message>
    <message>
        <source>New patient…</source>
        <translation>Paciente nuevo…</translation>
    </message>
    <message>
        <source>Automatic backup status</source>
        <translation>Estado de la copia de seguridad automática</translation>
    </message>
    <message>
        <source>Create the demo patient</source>
        <translation>Crear el paciente de demostración</translation>
    </message>
    <message>
        <source>Enter the clinic&apos;s name and telephone…</source>
        <translation>Introducir el nombre y el teléfono de la clínica…</translation>
    </message>
    <message>
        <source>Log in…</source>
        <translation>Iniciar sesión…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Audit history</source>
        <translation>Historial de auditoría</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>NeuroExam keyboard reference</source>
        <translation>Referencia del teclado de NeuroExam</translation>
    </message>
    <message>
        <source>not open yet</source>
        <translation>aún no abierta</translation>
    </message>
    <message>
        <source>About NeuroExam</source>
        <translation>Acerca de NeuroExam</translation>
    </message>
    <message>
        <source>New &amp;patient…</source>
        <translation>&amp;Paciente nuevo…</translation>
    </message>
    <message>
        <source>&amp;New exam</source>
        <translation>&amp;Nueva exploración</translation>
    </message>
    <message>
        <source>Find patient</source>
        <translation>Buscar paciente</translation>
    </message>
    <message>
        <source>&amp;Import records…</source>
        <translation>&amp;Importar historias…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Usuarios…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Keyboard reference</source>
        <translation>&amp;Referencia del teclado</translation>
    </message>
    <message>
        <source>&amp;About NeuroExam</source>
        <translation>&amp;Acerca de NeuroExam</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Clinical &amp;rules and sources</source>
        <translation>&amp;Reglas clínicas y fuentes</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to NeuroExam&lt;/h2&gt;No patients yet. Create a patient with &lt;b&gt;New patient&lt;/b&gt; (Ctrl+Shift+N), import records (File, Import; Ctrl+I), or look around with the demo patient.</source>
        <translation>&lt;h2&gt;Bienvenido a NeuroExam&lt;/h2&gt;Aún no hay pacientes. Cree uno con &lt;b&gt;Paciente nuevo&lt;/b&gt; (Ctrl+Mayús+N), importe historias (Archivo, Importar; Ctrl+I) o explore el programa con el paciente de demostración.</translation>
    </message>
    <message>
        <source>Search for a patient on the left, or create one.</source>
        <translation>Busque un paciente a la izquierda, o cree uno.</translation>
    </message>
    <message>
        <source>The patient handout tells patients to call their clinic the same day when a warning sign appears: please enter the clinic&apos;s name and telephone number.</source>
        <translation>La hoja para el paciente le pide llamar a su clínica el mismo día si aparece un signo de alarma: introduzca el nombre y el teléfono de la clínica.</translation>
    </message>
    <message>
        <source>Demo patient</source>
        <translation>Paciente de demostración</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Paciente nuevo</translation>
    </message>
    <message>
        <source>A patient with record id {id} exists.</source>
        <translation>Ya existe un paciente con el número de historia {id}.</translation>
    </message>
    <message>
        <source>New operation</source>
        <translation>Operación nueva</translation>
    </message>
    <message>
        <source> (signed)</source>
        <translation> (firmada)</translation>
    </message>
    <message>
        <source>E&amp;xam</source>
        <translation>E&amp;xploración</translation>
    </message>
    <message>
        <source>No exam is open</source>
        <translation>No hay ninguna exploración abierta</translation>
    </message>
    <message>
        <source>NeuroExam clinical rules and sources</source>
        <translation>Reglas clínicas de NeuroExam y sus fuentes</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>Añadir un usuario</translation>
    </message>
    <message>
        <source>e.g. ada.lovelace</source>
        <translation>p. ej. ada.lovelace</translation>
    </message>
    <message>
        <source>printed on signatures, e.g. Dr Ada Lovelace</source>
        <translation>se imprime en las firmas, p. ej. Dra. Ada Lovelace</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Repetir:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>A password has at least 8 characters.</source>
        <translation>Una contraseña tiene al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>Enter the login.</source>
        <translation>Escriba el usuario.</translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <source>New patient</source>
        <translation>Paciente nuevo</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>as the clinic (not recorded)</source>
        <translation>el de la clínica (no registrado)</translation>
    </message>
    <message>
        <source>Record id (MRN)</source>
        <translation>Número de historia clínica</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Preferred language (handout)</source>
        <translation>Idioma preferido (hoja para el paciente)</translation>
    </message>
</context>
<context>
    <name>PatientListModel</name>
    <message>
        <source>born {date}</source>
        <translation>nac. {date}</translation>
    </message>
    <message>
        <source>{name}, record {id}</source>
        <translation>{name}, historia {id}</translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <source>Exams of this patient</source>
        <translation>Exploraciones de este paciente</translation>
    </message>
    <message>
        <source>New exam ({keys})</source>
        <translation>Nueva exploración ({keys})</translation>
    </message>
    <message>
        <source>Add operation…</source>
        <translation>Añadir operación…</translation>
    </message>
    <message>
        <source>Audit history…</source>
        <translation>Historial de auditoría…</translation>
    </message>
    <message>
        <source>Who opened, changed, signed and exported this record, and when</source>
        <translation>Quién abrió, cambió, firmó y exportó esta historia, y cuándo</translation>
    </message>
    <message>
        <source>&lt;b&gt;Exams&lt;/b&gt; (Enter or double-click to open)</source>
        <translation>&lt;b&gt;Exploraciones&lt;/b&gt; (Intro o doble clic para abrir)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Key muscles across exams&lt;/b&gt; (MRC grade)</source>
        <translation>&lt;b&gt;Músculos clave en las exploraciones&lt;/b&gt; (grado MRC)</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>no registrada</translation>
    </message>
    <message>
        <source>Record {id} · born {born} · {sex}</source>
        <translation>Historia {id} · nac. {born} · {sex}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Operations:&lt;/b&gt; </source>
        <translation>&lt;b&gt;Operaciones:&lt;/b&gt; </translation>
    </message>
    <message>
        <source>{procedure} {level} {side} on {date}</source>
        <translation>{procedure} {level}, {side}, el {date}</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>ninguna registrada</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>{file} cannot be read as a PDF ({error}).</source>
        <translation>{file} no se puede leer como PDF ({error}).</translation>
    </message>
    <message>
        <source>There are no pages to print.</source>
        <translation>No hay páginas que imprimir.</translation>
    </message>
    <message>
        <source>The printer could not be started: check that it is connected and switched on, or print the PDFs from the viewer.</source>
        <translation>No se pudo iniciar la impresora: compruebe que está conectada y encendida, o imprima los PDF desde el visor.</translation>
    </message>
    <message>
        <source>The printer stopped after {n} pages.</source>
        <translation>La impresora se detuvo tras {n} páginas.</translation>
    </message>
</context>
<context>
    <name>RedFlagStep</name>
    <message>
        <source>Tick every red flag present. {keys} records that all were asked and none is present.</source>
        <translation>Marque cada signo de alarma presente. {keys} registra que se preguntaron todos y no hay ninguno.</translation>
    </message>
    <message>
        <source>Leg pain (0-10)</source>
        <translation>Dolor en la pierna (0-10)</translation>
    </message>
    <message>
        <source>Back pain (0-10)</source>
        <translation>Dolor lumbar (0-10)</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>sin puntuar</translation>
    </message>
</context>
<context>
    <name>ReflexStep</name>
    <message>
        <source>Reflexes to test</source>
        <translation>Reflejos por explorar</translation>
    </message>
    <message>
        <source>Reflexes (NINDS 0-4; N for not testable)</source>
        <translation>Reflejos (NINDS 0-4; N si no es valorable)</translation>
    </message>
</context>
<context>
    <name>SensoryStep</name>
    <message>
        <source>Show baseline map</source>
        <translation>Mostrar el mapa basal</translation>
    </message>
    <message>
        <source>Click a region to cycle its value, or move with Tab or the arrows and type 2 (normal), 1 (altered), 0 (absent), N (not testable). {keys} switches light touch and pin prick.</source>
        <translation>Pulse una zona para cambiar su valor, o muévase con Tab o las flechas y escriba 2 (normal), 1 (alterada), 0 (ausente), N (no valorable). {keys} alterna tacto ligero y pinchazo.</translation>
    </message>
    <message>
        <source>Show previous map</source>
        <translation>Mostrar el mapa anterior</translation>
    </message>
    <message>
        <source>Now: {date}</source>
        <translation>Actual: {date}</translation>
    </message>
    <message>
        <source>{reference}: {kind} exam {date}</source>
        <translation>{reference}: exploración {kind} del {date}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>from the system locale</source>
        <translation>según la configuración del sistema</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <source>the patient&apos;s language, then the other</source>
        <translation>el idioma del paciente y después el otro</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Nombre de la clínica</translation>
    </message>
    <message>
        <source>Clinic telephone (on the patient handout)</source>
        <translation>Teléfono de la clínica (en la hoja para el paciente)</translation>
    </message>
    <message>
        <source>Clinic address or hours (handout)</source>
        <translation>Dirección u horario de la clínica (hoja para el paciente)</translation>
    </message>
    <message>
        <source>Logo file (PNG or JPEG)</source>
        <translation>Archivo del logotipo (PNG o JPEG)</translation>
    </message>
    <message>
        <source>Default examiner</source>
        <translation>Explorador por defecto</translation>
    </message>
    <message>
        <source>Database URL (empty: the data folder)</source>
        <translation>URL de la base de datos (vacío: la carpeta de datos)</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Tamaño de papel</translation>
    </message>
    <message>
        <source>Language (at the next start)</source>
        <translation>Idioma (al volver a abrir el programa)</translation>
    </message>
    <message>
        <source>Handout in both languages</source>
        <translation>Hoja para el paciente en ambos idiomas</translation>
    </message>
    <message>
        <source>FHIR record number system (the hospital&apos;s URI)</source>
        <translation>Sistema FHIR del número de historia (URI del hospital)</translation>
    </message>
    <message>
        <source>FHIR base of NeuroExam&apos;s codes (empty: default)</source>
        <translation>Base FHIR de los códigos de NeuroExam (vacío: la predeterminada)</translation>
    </message>
    <message>
        <source>Automatic backup every (hours; 0: off)</source>
        <translation>Copia de seguridad automática cada (horas; 0: desactivada)</translation>
    </message>
    <message>
        <source>Automatic backups kept</source>
        <translation>Copias automáticas que se conservan</translation>
    </message>
    <message>
        <source>Backup folder (empty: beside the database)</source>
        <translation>Carpeta de copias (vacío: junto a la base de datos)</translation>
    </message>
    <message>
        <source>A new database takes effect at the next start.</source>
        <translation>Una base de datos nueva se usa al volver a abrir el programa.</translation>
    </message>
</context>
<context>
    <name>SideTestGrid</name>
    <message>
        <source>Right</source>
        <translation>Derecha</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Izquierda</translation>
    </message>
    <message>
        <source>R {right} · L {left}</source>
        <translation>D {right} · I {left}</translation>
    </message>
</context>
<context>
    <name>SignStep</name>
    <message>
        <source>Examiner&apos;s name</source>
        <translation>Nombre de quien explora</translation>
    </message>
    <message>
        <source>Examiner signing</source>
        <translation>Explorador que firma</translation>
    </message>
    <message>
        <source>Sign exam ({keys})</source>
        <translation>Firmar la exploración ({keys})</translation>
    </message>
    <message>
        <source>Amend signed exam… ({keys})</source>
        <translation>Corregir la exploración firmada… ({keys})</translation>
    </message>
    <message>
        <source>Create clinician report and patient handout ({keys})</source>
        <translation>Crear el informe clínico y la hoja para el paciente ({keys})</translation>
    </message>
    <message>
        <source>Print both ({keys})</source>
        <translation>Imprimir ambos ({keys})</translation>
    </message>
    <message>
        <source>Discard this draft…</source>
        <translation>Descartar este borrador…</translation>
    </message>
    <message>
        <source>Amending the signed exam: {reason}. Edits are saved together as a new signed revision; the earlier one is kept.</source>
        <translation>Corrigiendo la exploración firmada: {reason}. Los cambios se guardan juntos como una nueva revisión firmada; la anterior se conserva.</translation>
    </message>
    <message>
        <source>Signed by {signer} at {when}.</source>
        <translation>Firmada por {signer} el {when}.</translation>
    </message>
    <message>
        <source>Not signed yet.</source>
        <translation>Aún sin firmar.</translation>
    </message>
    <message>
        <source>Save amendment ({keys})</source>
        <translation>Guardar la corrección ({keys})</translation>
    </message>
</context>
<context>
    <name>StoreOpening</name>
    <message>
        <source>&lt;h2&gt;NeuroExam&lt;/h2&gt;Opening the records…</source>
        <translation>&lt;h2&gt;NeuroExam&lt;/h2&gt;Abriendo las historias…</translation>
    </message>
    <message>
        <source>NeuroExam cannot open its database</source>
        <translation>NeuroExam no puede abrir su base de datos</translation>
    </message>
    <message>
        <source>The database could not be opened.</source>
        <translation>No se pudo abrir la base de datos.</translation>
    </message>
    <message>
        <source>Not logged in: the records are on the clinic&apos;s database server, opened with your own login.</source>
        <translation>Sin sesión iniciada: las historias están en el servidor de la base de datos de la clínica y se abren con su propio usuario.</translation>
    </message>
</context>
<context>
    <name>SurgeryDialog</name>
    <message>
        <source>New operation</source>
        <translation>Operación nueva</translation>
    </message>
    <message>
        <source>choose the level</source>
        <translation>elija el nivel</translation>
    </message>
    <message>
        <source>choose the side</source>
        <translation>elija el lado</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedimiento</translation>
    </message>
    <message>
        <source>Disc level</source>
        <translation>Nivel discal</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Lado</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Herniation</source>
        <translation>Hernia</translation>
    </message>
    <message>
        <source>Date: the date of the operation is needed</source>
        <translation>Fecha: hace falta la fecha de la operación</translation>
    </message>
    <message>
        <source>{fields}: choose one</source>
        <translation>{fields}: elija uno</translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Trend of key muscles</source>
        <translation>Evolución de los músculos clave</translation>
    </message>
    <message>
        <source>No signed exam yet: the trend shows the key muscles of signed exams.</source>
        <translation>Aún no hay exploraciones firmadas: la evolución muestra los músculos clave de las exploraciones firmadas.</translation>
    </message>
    <message>
        <source>Every key muscle was graded 5 in the signed exam.</source>
        <translation>Todos los músculos clave tuvieron grado 5 en la exploración firmada.</translation>
    </message>
    <message>
        <source>Every key muscle was graded 5 in the %1 signed exams.</source>
        <translation>Todos los músculos clave tuvieron grado 5 en las %1 exploraciones firmadas.</translation>
    </message>
    <message>
        <source>MRC</source>
        <translation>MRC</translation>
    </message>
    <message>
        <source>day %1</source>
        <translation>día %1</translation>
    </message>
    <message>
        <source>operation</source>
        <translation>operación</translation>
    </message>
    <message>
        <source>date of the signed exam; day: days since the operation</source>
        <translation>fecha de la exploración firmada; día: días desde la operación</translation>
    </message>
</context>
<context>
    <name>TriageBanner</name>
    <message>
        <source>Triage</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>new or worse findings</source>
        <translation>hallazgos nuevos o peores</translation>
    </message>
    <message>
        <source>findings</source>
        <translation>hallazgos</translation>
    </message>
    <message>
        <source>(undecided: see the items to test)</source>
        <translation>(sin decidir: vea los elementos por explorar)</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users of the clinic&apos;s database</source>
        <translation>Usuarios de la base de datos de la clínica</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>Añadir usuario…</translation>
    </message>
    <message>
        <source>Disable login</source>
        <translation>Desactivar el usuario</translation>
    </message>
    <message>
        <source>Only an administrator adds or disables users; a disabled login cannot log in, and its records, signatures and audit rows stay.</source>
        <translation>Solo un administrador añade o desactiva usuarios; un usuario desactivado no puede iniciar sesión, y sus historias, firmas y filas de auditoría se conservan.</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>User not added</source>
        <translation>Usuario no añadido</translation>
    </message>
    <message>
        <source>Login not disabled</source>
        <translation>Usuario no desactivado</translation>
    </message>
</context>
</TS>
