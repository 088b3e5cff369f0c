import { useState } from 'react';
import type { Settings } from '../../../shared/domain/settings';
import { IDLE, useSettingsDrafts } from './draft-store';
import { PersonEditor } from './PersonEditor';
import { PersonRow } from './PersonRow';
import { ResponderTollSwitch } from './ResponderTollSwitch';
import { editNewPerson, savePerson, type PersonDraft } from './person-form';
import { SectionFrame } from './SectionFrame';

export function RosterSection({ settings }: { settings: Settings }) {
  const editing = useSettingsDrafts((s) => s.drafts.person) as PersonDraft | undefined;
  const state = useSettingsDrafts((s) => s.forms.person) ?? IDLE;
  const [notice, setNotice] = useState('');
  const roster = [...settings.roster].sort((a, b) => a.name.localeCompare(b.name));

  const save = async () => {
    const isNew = editing?.id === undefined;
    const name = await savePerson();
    if (name) setNotice(isNew ? `${name} added to the roster.` : `${name} saved.`);
  };
  const editor = editing && <PersonEditor key={editing.id ?? 'new'} person={editing} state={state} onSave={() => void save()} />;

  return (
    <SectionFrame
      id="roster"
      title="Roster"
      description="The people who take incident roles. In the war room, assigning a role or paging someone is picking a name, not typing it."
      actions={
        <>
          <span className="roster-notice" role="status" data-testid="roster-notice">
            {notice}
          </span>
          <button type="button" className="btn btn-primary" data-testid="person-add" disabled={editing !== undefined} onClick={editNewPerson}>
            + Add person
          </button>
        </>
      }
    >
      {editing && !roster.some((p) => p.id === editing.id) && <div className="card">{editor}</div>}
      {roster.length === 0 && !editing && (
        <div className="empty-card" data-testid="roster-empty">
          <p className="empty-title">No one on the roster yet</p>
          <p>Add the people who usually run incidents — commanders, tech leads, comms — with a line to reach them.</p>
        </div>
      )}
      {roster.length > 0 && (
        <div className="card card-flush">
          <div className="roster-head" aria-hidden="true">
            <span>Person</span>
            <span>Usual roles</span>
            <span>{roster.length === 1 ? '1 person' : `${roster.length} people`}</span>
          </div>
          <ul className="roster" data-testid="roster">
            {roster.map((person) =>
              editing?.id === person.id ? (
                <li key={person.id} className="person person-editing">
                  {editor}
                </li>
              ) : (
                <PersonRow
                  key={person.id}
                  person={person}
                  locked={editing !== undefined}
                  onRemoved={(name) => setNotice(`${name} removed from the roster.`)}
                />
              ),
            )}
          </ul>
        </div>
      )}
      <ResponderTollSwitch settings={settings} />
    </SectionFrame>
  );
}
