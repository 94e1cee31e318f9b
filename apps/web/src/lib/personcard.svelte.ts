// Which person's card is open, and where: clicking a name or an avatar anywhere (timeline, member list)
// opens one card, shared by the whole shell (PersonPopover). The trigger is kept so focus returns to it.

export const personCard = $state<{ userId: string | null; trigger: HTMLElement | null }>({
  userId: null,
  trigger: null,
});

export function showPerson(userId: string, trigger: HTMLElement): void {
  personCard.userId = userId;
  personCard.trigger = trigger;
}

export function hidePerson(): void {
  personCard.userId = null;
  personCard.trigger = null;
}
